package cl.zeues.occupation.processor.occupation.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.processor.occupation.StoreUnavailableException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lock service against the real Redis at {@code REDIS_URL} (default 127.0.0.1:6379). */
class RedisLockServiceIT {

  static final String URL = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
  static RedisClient client;
  static StatefulRedisConnection<String, String> connection;
  static RedisLockService locks;

  @BeforeAll
  static void connect() {
    client = RedisClient.create(URL);
    connection = client.connect();
    locks = new RedisLockService(connection.sync(), connection.sync());
  }

  @AfterAll
  static void close() {
    connection.close();
    client.shutdown();
  }

  static String tag() {
    return "IT-LOCK-" + UUID.randomUUID();
  }

  @Test
  void acquireLockAtomic() {
    String tag = tag();
    UUID token = UUID.randomUUID();

    assertThat(locks.acquire(tag, token, Duration.ofSeconds(30))).isTrue();
    assertThat(locks.acquire(tag, UUID.randomUUID(), Duration.ofSeconds(30))).isFalse();
    assertThat(locks.holder(tag)).contains(token);
    assertThat(connection.sync().pttl("zeues:spool:{" + tag + "}:lock")).isBetween(1L, 30_000L);
  }

  @Test
  void twoClientsRacingGetExactlyOneOwner() throws Exception {
    String tag = tag();
    int racers = 16;
    List<RedisClient> clients = new ArrayList<>();
    List<RedisLockService> services = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      RedisClient c = RedisClient.create(URL);
      clients.add(c);
      RedisCommands<String, String> sync = c.connect().sync();
      services.add(new RedisLockService(sync, sync));
    }
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (RedisLockService service : services) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return service.acquire(tag, UUID.randomUUID(), Duration.ofSeconds(30));
                }));
      }
      start.countDown();
      long winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
      clients.forEach(RedisClient::shutdown);
    }
  }

  @Test
  void releaseWithTheWrongTokenKeepsTheLockAndTheRightOneFreesIt() {
    String tag = tag();
    UUID token = UUID.randomUUID();
    locks.acquire(tag, token, Duration.ofSeconds(30));

    assertThat(locks.release(tag, UUID.randomUUID())).isFalse();
    assertThat(locks.holder(tag)).contains(token);
    assertThat(locks.release(tag, token)).isTrue();
    assertThat(locks.holder(tag)).isEmpty();
  }

  @Test
  void extendOnlyByTheHolder() {
    String tag = tag();
    UUID token = UUID.randomUUID();
    locks.acquire(tag, token, Duration.ofSeconds(5));

    assertThat(locks.extend(tag, UUID.randomUUID(), Duration.ofMinutes(10))).isFalse();
    assertThat(connection.sync().pttl("zeues:spool:{" + tag + "}:lock")).isLessThanOrEqualTo(5_000);
    assertThat(locks.extend(tag, token, Duration.ofMinutes(10))).isTrue();
    assertThat(connection.sync().pttl("zeues:spool:{" + tag + "}:lock")).isGreaterThan(5_000);
  }

  @Test
  void aLockExpiresAndCanBeTakenByAnotherToken() {
    String tag = tag();
    locks.acquire(tag, UUID.randomUUID(), Duration.ofMillis(150));

    Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> locks.holder(tag).isEmpty());
    assertThat(locks.acquire(tag, UUID.randomUUID(), Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void aStaleHolderCannotReleaseTheNextOwnersLock() {
    String tag = tag();
    UUID stale = UUID.randomUUID();
    locks.acquire(tag, stale, Duration.ofMillis(100));
    Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> locks.holder(tag).isEmpty());
    UUID next = UUID.randomUUID();
    locks.acquire(tag, next, Duration.ofSeconds(30));

    assertThat(locks.release(tag, stale)).isFalse();
    assertThat(locks.extend(tag, stale, Duration.ofHours(1))).isFalse();
    assertThat(locks.holder(tag)).contains(next);
  }

  @Test
  void redisConnectionFailureIsAClearInfrastructureErrorNotAHang() {
    RedisURI nowhere = RedisURI.create("redis://127.0.0.1:1");
    nowhere.setTimeout(Duration.ofSeconds(1));
    RedisClient dead = RedisClient.create(nowhere);
    try {
      assertThatThrownBy(
              () -> {
                RedisCommands<String, String> sync = dead.connect().sync();
                new RedisLockService(sync, sync).holder(tag());
              })
          .isInstanceOfAny(
              StoreUnavailableException.class, io.lettuce.core.RedisConnectionException.class)
          .hasMessageContaining("127.0.0.1");
    } finally {
      dead.shutdown();
    }
  }
}
