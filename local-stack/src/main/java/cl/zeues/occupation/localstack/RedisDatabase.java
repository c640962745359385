package cl.zeues.occupation.localstack;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The Redis database the stack owns. It must describe the same history as the Kafka log: it is
 * emptied when the log is new, and stamped with the log's cluster id so a later start can tell
 * whether Redis still holds this log's lock state (an unpersisted Redis that restarted does not).
 */
final class RedisDatabase {

  /** Outside {@code StoreLayout}'s keys; the services never touch it. */
  static final String MARKER = "zeues:local-stack:kafka-cluster-id";

  private final String url;

  RedisDatabase(String url) {
    this.url = url;
  }

  /** PING; the failure's message when Redis does not answer within 2 s, else null. */
  @Nullable String unreachable() {
    try {
      return call(c -> "PONG".equals(c.sync().ping()) ? null : "unexpected PING reply");
    } catch (RuntimeException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  /** Empties the database and stamps it as holding the state of the log {@code clusterId}. */
  void resetFor(String clusterId) {
    call(
        c -> {
          c.sync().flushdb();
          c.sync().set(MARKER, clusterId);
          return null;
        });
  }

  /** The cluster id the database was last reset for, or null. */
  @Nullable String stampedClusterId() {
    return call(c -> c.sync().get(MARKER));
  }

  /** How many keys the database holds. */
  long size() {
    Long size = call(c -> c.sync().dbsize());
    return size == null ? 0 : size;
  }

  private <T> @Nullable T call(
      java.util.function.Function<StatefulRedisConnection<String, String>, @Nullable T> work) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(Duration.ofSeconds(2));
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return work.apply(connection);
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }
}
