package cl.zeues.occupation.processor.occupation.redis;

import cl.zeues.occupation.processor.occupation.StoreUnavailableException;
import io.lettuce.core.RedisException;
import java.util.function.Supplier;

/** Runs one Redis command, turning lettuce's failures into one clear infrastructure error. */
final class RedisCalls {

  private RedisCalls() {}

  /**
   * @param action what was being done, for the message: "acquire the lock of spool X"
   * @throws StoreUnavailableException when Redis refused, timed out or failed
   */
  static <T> T call(String action, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException e) {
      throw new StoreUnavailableException(
          "Redis unavailable while trying to " + action + ": " + e.getMessage(), e);
    }
  }
}
