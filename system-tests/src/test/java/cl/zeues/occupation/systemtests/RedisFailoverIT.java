package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.processor.occupation.redis.RedisSentinelProcess;
import cl.zeues.occupation.processor.occupation.redis.RedisServerProcess;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Redis as docker/compose.production.yml runs it: a primary, an asynchronous replica and Sentinel
 * (real {@code redis-server} processes of this test's own), the processors and the API connected
 * through Sentinel. Under tablet traffic the replica stops receiving the replication stream (it
 * stays up and in touch with Sentinel: {@link ReplicationRelay}), the primary acknowledges more
 * decisions, then is killed with SIGKILL; Sentinel promotes the replica that missed them. The
 * processors must find the loss through the applied-offset markers, rebuild the partitions from the
 * event log before deciding again, and never let a spool have two occupants.
 */
class RedisFailoverIT {

  static final Duration DOWN_AFTER = Duration.ofSeconds(1);

  @Test
  void primaryKilledAfterItsReplicaMissedWrites() throws Exception {
    assumeTrue(
        RedisServerProcess.installed(),
        "redis-server is not installed: RedisFailoverIT needs it for the primary, replica and"
            + " Sentinel");
    String run = "FAILOVER-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    List<String> tags =
        IntStream.rangeClosed(1, 20).mapToObj(i -> run + "-%03d".formatted(i)).toList();
    try (RedisServerProcess primary = RedisServerProcess.start();
        ReplicationRelay relay = ReplicationRelay.to(primary.port());
        RedisServerProcess replica =
            RedisServerProcess.start(
                List.of("--replicaof", "127.0.0.1", String.valueOf(relay.port())));
        RedisSentinelProcess sentinel = RedisSentinelProcess.watch(primary.port(), DOWN_AFTER)) {
      replica.awaitReplicating(Duration.ofSeconds(20));
      sentinel.awaitReplicas(1, Duration.ofSeconds(20));
      try (ZeuesSystem system =
          ZeuesSystem.builder().redisUrl(sentinel.url()).processors(2).start()) {
        system.catalog(tags);
        ClientLedger ledger = new ClientLedger(system);
        long starvedAt;
        long missed;
        long killedAt;
        long promotedAt;
        long rebuiltAt;
        Rebuilds beforeFault;
        try (ShopFloorTraffic traffic =
            ShopFloorTraffic.start(ledger, tags, run, 10, Duration.ofMillis(40), false)) {
          traffic.awaitRequests(100, Duration.ofSeconds(60));

          starvedAt = ledger.now();
          relay.starve();
          traffic.awaitMore(200, 30, Duration.ofSeconds(60));
          missed = commandsMissing(primary, replica);
          assertThat(sentinel.primaryPort())
              .as("the primary Sentinel names before the kill; its log:%n%s", sentinel.log())
              .isEqualTo(primary.port());
          assertThat(missed)
              .as("commands whose effects the replica lacks; Sentinel's log:%n%s", sentinel.log())
              .isPositive();

          // Each partition was checked before its first command (an empty Redis: "rebuilt" from an
          // empty log); only rebuilds from here on are the failover's.
          beforeFault = Rebuilds.of(system);
          killedAt = ledger.now();
          primary.kill();
          assertThat(sentinel.awaitPromotion(primary.port(), Duration.ofSeconds(30)))
              .as("the primary Sentinel promotes")
              .isEqualTo(replica.port());
          promotedAt = ledger.now();

          Awaitility.await("a partition rebuilt from the log after the failover")
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> Rebuilds.of(system).count() > beforeFault.count());
          rebuiltAt = ledger.now();
          traffic.awaitMore(200, 100, Duration.ofSeconds(60));
        }
        // One more take per spool: every partition is checked (and rebuilt if the promoted replica
        // lacks its writes) before these are decided, so Redis must equal the replayed log.
        for (String tag : tags) {
          ledger.send(
              "tomar", tag, 40, Tablets.body(tag, 40, Operacion.ARM, null), run + "-last-" + tag);
        }
        ledger.settle(Duration.ofSeconds(60));

        List<OccupationEvent> log = system.events();
        ledger.assertConsistentWith(log);
        LogInvariants.assertConsistent(system, log, tags);
        AuditChecks.assertVerifyClean(system);
        Rebuilds failover = Rebuilds.of(system).since(beforeFault);
        assertThat(failover.count())
            .as("commands partitions rebuilt from the log after the failover")
            .isPositive();

        System.out.printf(
            "%s; 202 %s; replication starved at t=%.1fs (%d bytes dropped: the replica lacked %d"
                + " commands), primary killed at t=%.1fs, replica promoted %.1f s later, first"
                + " partition rebuilt %.1f s after the kill; %s; %s%n",
            ledger.summary("primaryKilledAfterItsReplicaMissedWrites"),
            ledger.window(202),
            starvedAt / 1000.0,
            relay.droppedBytes(),
            missed,
            killedAt / 1000.0,
            (promotedAt - killedAt) / 1000.0,
            (rebuiltAt - killedAt) / 1000.0,
            failover,
            FaultFigures.of(ledger, killedAt));
      }
    }
  }

  /**
   * What the tablets lived through: the fault lasts from the kill to the last answer that was not a
   * decision (503, 202 pending, no answer); decided answers (200 or a rejection) per second in it,
   * against the 10 s before the kill; when the first request sent after the kill was accepted.
   */
  record FaultFigures(double seconds, double before, double during, double firstAccepted) {

    static FaultFigures of(ClientLedger ledger, long killedAt) {
      List<ClientLedger.Call> calls = ledger.calls();
      long end =
          calls.stream()
              .filter(c -> !c.decided() && c.at() + c.took() >= killedAt)
              .mapToLong(c -> c.at() + c.took())
              .max()
              .orElse(killedAt);
      long accepted =
          calls.stream()
              .filter(c -> c.status() == 200 && c.at() >= killedAt)
              .mapToLong(c -> c.at() + c.took())
              .min()
              .orElse(killedAt);
      long from = Math.max(0, killedAt - 10_000);
      return new FaultFigures(
          (end - killedAt) / 1000.0,
          rate(calls, from, killedAt),
          end > killedAt ? rate(calls, killedAt, end) : Double.NaN,
          (accepted - killedAt) / 1000.0);
    }

    private static double rate(List<ClientLedger.Call> calls, long from, long to) {
      long decided =
          calls.stream()
              .filter(ClientLedger.Call::decided)
              .filter(c -> c.at() + c.took() >= from && c.at() + c.took() < to)
              .count();
      return decided * 1000.0 / (to - from);
    }

    @Override
    public String toString() {
      return ("tablets saw the fault for %.1f s after the kill: %.1f decided commands/s in it"
              + " (%.1f/s in the 10 s before); first request sent after the kill accepted"
              + " %.1f s after it")
          .formatted(seconds, during, before, firstAccepted);
    }
  }

  /** The processors' {@code zeues.store.rebuilds} and {@code zeues.store.rebuild.time}, summed. */
  record Rebuilds(long count, double millis, double maxMillis) {

    static Rebuilds of(ZeuesSystem system) {
      List<MeterRegistry> registries =
          system.processors().stream().map(p -> p.getBean(MeterRegistry.class)).toList();
      long count = 0;
      double millis = 0;
      double max = 0;
      for (MeterRegistry registry : registries) {
        Counter counter = registry.find("zeues.store.rebuilds").counter();
        Timer timer = registry.find("zeues.store.rebuild.time").timer();
        count += counter == null ? 0 : (long) counter.count();
        if (timer != null) {
          millis += timer.totalTime(TimeUnit.MILLISECONDS);
          max = Math.max(max, timer.max(TimeUnit.MILLISECONDS));
        }
      }
      return new Rebuilds(count, millis, max);
    }

    /** The rebuilds since {@code before} (the timer's max covers every rebuild it recently saw). */
    Rebuilds since(Rebuilds before) {
      return new Rebuilds(count - before.count, millis - before.millis, maxMillis);
    }

    @Override
    public String toString() {
      return "%d partitions rebuilt, %.0f ms each on average (longest rebuild %.0f ms)"
          .formatted(count, count == 0 ? 0 : millis / count, maxMillis);
    }
  }

  /** Offsets of occupation.commands the primary marks applied and the replica does not. */
  private static long commandsMissing(RedisServerProcess primary, RedisServerProcess replica) {
    long missing = 0;
    for (int partition = 0; partition < Topics.COMMANDS.partitions(); partition++) {
      String key = StoreLayout.appliedKey(partition);
      missing += Math.max(0, applied(primary, key) - applied(replica, key));
    }
    return missing;
  }

  private static long applied(RedisServerProcess server, String key) {
    String offset = server.<String>ask(redis -> redis.get(key));
    return offset == null ? -1 : Long.parseLong(offset);
  }
}
