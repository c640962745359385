package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.processor.occupation.redis.RedisServerProcess;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Redis loses the lock state while tablets keep tapping: FLUSHALL, and kill -9 + restart without
 * persistence, on a redis-server of this test's own. The processors must notice, rebuild the lock
 * state from the event log before deciding again, and never let a spool have two occupants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisFaultIT {

  RedisServerProcess redis;
  ZeuesSystem system;

  @BeforeAll
  void start() {
    redis = RedisServerProcess.start();
    system = ZeuesSystem.builder().redisUrl(redis.url()).processors(2).start();
  }

  @AfterAll
  void stop() {
    system.close();
    redis.close();
  }

  @Test
  void redisFlushed() throws Exception {
    run("redisFlushed", 3, RedisServerProcess::flushAll);
  }

  @Test
  void redisRestarted() throws Exception {
    run("redisRestarted", 2, redis -> redis.restart(Duration.ofSeconds(1)));
  }

  interface Fault {
    void hit(RedisServerProcess redis) throws Exception;
  }

  private void run(String scenario, int faults, Fault fault) throws Exception {
    String run =
        scenario.toUpperCase() + "-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    List<String> tags =
        IntStream.rangeClosed(1, 20).mapToObj(i -> run + "-%03d".formatted(i)).toList();
    double rebuildsBefore = rebuilds();
    system.catalog(tags);
    ClientLedger ledger = new ClientLedger(system);
    try (ShopFloorTraffic traffic =
        ShopFloorTraffic.start(ledger, tags, run, 10, Duration.ofMillis(40), false)) {
      traffic.awaitRequests(100, Duration.ofSeconds(60));
      for (int i = 0; i < faults; i++) {
        fault.hit(redis);
        traffic.awaitMore(200, 25, Duration.ofSeconds(90));
      }
    }
    // One more take per spool after the last fault: every partition is checked (and rebuilt if
    // it was lost) before these are decided, so Redis must equal the replayed log afterwards.
    for (String tag : tags) {
      ledger.send(
          "tomar", tag, 40, Tablets.body(tag, 40, Operacion.ARM, null), run + "-last-" + tag);
    }
    ledger.settle(Duration.ofSeconds(60));

    List<OccupationEvent> log = system.events();
    ledger.assertConsistentWith(log);
    LogInvariants.assertConsistent(system, log, tags);
    AuditChecks.assertVerifyClean(system);
    double rebuilds = rebuilds() - rebuildsBefore;
    assertThat(rebuilds).as("commands partitions rebuilt from the log").isPositive();
    System.out.printf(
        "%s; %d faults, %.0f partition rebuilds%n", ledger.summary(scenario), faults, rebuilds);
  }

  private double rebuilds() {
    return system.processors().stream()
        .map(p -> p.getBean(MeterRegistry.class).find("zeues.store.rebuilds").counter())
        .mapToDouble(c -> c == null ? 0 : c.count())
        .sum();
  }
}
