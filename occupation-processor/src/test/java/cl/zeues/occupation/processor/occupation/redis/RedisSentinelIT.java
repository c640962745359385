package cl.zeues.occupation.processor.occupation.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.processor.occupation.ProcessorSettings;
import cl.zeues.occupation.processor.occupation.StoreUnavailableException;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The processor's Redis connection through Sentinel ({@code redis-sentinel://} URL, {@link
 * RedisConfiguration}) against a primary, a replica and a Sentinel of the test's own: after the
 * replica is promoted, writes reach it, including when the former primary stays up as a replica and
 * nobody disconnects the processor from it (a plain connection there answers {@code READONLY} for
 * ever). Until they do, a write fails as {@link StoreUnavailableException}, never silently.
 */
class RedisSentinelIT {

  static final Duration DOWN_AFTER = Duration.ofSeconds(1);

  RedisServerProcess primary;
  RedisServerProcess replica;
  RedisSentinelProcess sentinel;

  @BeforeEach
  void start() {
    assumeTrue(RedisServerProcess.installed(), "redis-server is not installed: skipping");
    primary = RedisServerProcess.start();
    replica =
        RedisServerProcess.start(
            List.of("--replicaof", "127.0.0.1", String.valueOf(primary.port())));
    sentinel = RedisSentinelProcess.watch(primary.port(), DOWN_AFTER);
    sentinel.awaitReplicas(1, Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    for (AutoCloseable process : new AutoCloseable[] {sentinel, replica, primary}) {
      if (process != null) {
        try {
          process.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  @Test
  void writesMoveToThePromotedReplicaWhileTheFormerPrimaryStaysUpAsAReplica() {
    processor(
        redis -> {
          assertThat(write(redis, "before")).isEqualTo("OK");
          assertThat(spool(primary)).isEqualTo("before");

          // The replica becomes the primary, the former primary its replica, and Sentinel names
          // the new one: nothing closes the processor's connection to the former primary.
          replica.ask(RedisCommands::replicaofNoOne);
          primary.ask(r -> r.replicaof("127.0.0.1", replica.port()));
          sentinel.repoint(replica.port(), DOWN_AFTER);
          assertThat(sentinel.primaryPort()).isEqualTo(replica.port());

          awaitWritten(redis, "after");
          assertThat(spool(replica)).isEqualTo("after");
        });
  }

  @Test
  void writesMoveToThePromotedReplicaWhenThePrimaryIsKilled() {
    processor(
        redis -> {
          assertThat(write(redis, "before")).isEqualTo("OK");
          kill(primary);
          assertThat(sentinel.awaitPromotion(primary.port(), Duration.ofSeconds(30)))
              .isEqualTo(replica.port());

          awaitWritten(redis, "after");
          assertThat(spool(replica)).isEqualTo("after");
        });
  }

  /** The processor's Redis beans, from its own configuration, on the Sentinel URL. */
  private void processor(Consumer<RedisCommands<String, String>> test) {
    new ApplicationContextRunner()
        .withUserConfiguration(Settings.class, RedisConfiguration.class)
        .withBean(JsonCodec.class, JsonCodec::new)
        .withPropertyValues(
            "zeues.processor.redis-url=" + sentinel.url(), "zeues.processor.redis-timeout=1s")
        .run(
            context -> {
              @SuppressWarnings("unchecked")
              RedisCommands<String, String> redis = context.getBean(RedisCommands.class);
              test.accept(redis);
            });
  }

  /** A write as the store makes it: through {@link RedisCalls}, so failures are infrastructure. */
  private static String write(RedisCommands<String, String> redis, String value) {
    return RedisCalls.call("write spool", () -> redis.set("spool", value));
  }

  private static void awaitWritten(RedisCommands<String, String> redis, String value) {
    Awaitility.await("a write through Sentinel succeeds")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptionsInstanceOf(StoreUnavailableException.class)
        .until(() -> write(redis, value), "OK"::equals);
  }

  /** What {@code server} itself holds (asked directly, not through Sentinel). */
  private static String spool(RedisServerProcess server) {
    return server.<String>ask(r -> r.get("spool"));
  }

  private static void kill(RedisServerProcess server) {
    try {
      server.kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ProcessorSettings.class)
  static class Settings {}
}
