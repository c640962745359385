package cl.zeues.occupation.processor.occupation.redis;

import cl.zeues.occupation.processor.occupation.StoreUnavailableException;
import io.lettuce.core.RedisException;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/** Runs one Redis command, turning lettuce's failures into one clear infrastructure error. */
final class RedisCalls {

  private RedisCalls() {}

  /**
   * A command lettuce cancels failed too: the master-replica connection cancels what waits on a
   * node's connection when Sentinel's topology drops that node (the primary that was killed).
   *
   * @param action what was being done, for the message: "acquire the lock of spool X"
   * @throws StoreUnavailableException when Redis refused, timed out or failed, or lettuce cancelled
   *     the command
   */
  static <T> T call(String action, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException e) {
      throw new StoreUnavailableException(
          "Redis unavailable while trying to " + action + ": " + e.getMessage(), e);
    } catch (CancellationException e) {
      throw new StoreUnavailableException(
          "Redis unavailable while trying to "
              + action
              + ": the command was cancelled (its connection closed, as when a failover drops the"
              + " former primary)",
          e);
    }
  }
}
