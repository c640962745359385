package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationEvent;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Production's Kafka (issue 15): three brokers, every topic with 3 replicas of which 2 must hold a
 * write before it is acknowledged, the transaction state log likewise. Under tablet traffic the
 * broker leading every partition of the command path crashes (no controlled shutdown), and is
 * started again later. No command the system acknowledged may be lost or decided twice; clients may
 * be refused (503) only until the two survivors lead every partition, never while two of three
 * brokers serve, nor while the restarted one takes its leaderships back.
 */
class ClusterFaultIT {

  static final String RUN = "CLU-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  @Test
  void leaderBrokerCrashLosesNoAcknowledgedCommand() {
    List<String> tags =
        IntStream.rangeClosed(1, 30).mapToObj(i -> RUN + "-%03d".formatted(i)).toList();
    try (ZeuesSystem system = ZeuesSystem.builder().kafkaCluster().processors(1).start()) {
      KafkaCluster cluster = system.cluster();
      int leader = cluster.commandPathLeader();
      int controller = cluster.activeController();
      system.catalog(tags);
      ClientLedger ledger = new ClientLedger(system);
      long crashingAt;
      long crashedAt;
      long twoServeAt;
      long restartingAt;
      long threeServeAt;
      long trafficEndAt;
      try (ShopFloorTraffic traffic =
          ShopFloorTraffic.start(ledger, tags, RUN, 10, Duration.ofMillis(40), false)) {
        traffic.awaitRequests(100, Duration.ofSeconds(60));

        crashingAt = ledger.now();
        cluster.crash(leader);
        crashedAt = ledger.now();
        cluster.awaitLeadersAwayFrom(leader, Duration.ofSeconds(60));
        twoServeAt = ledger.now();
        // Two of three brokers carry the shop: decisions keep coming.
        traffic.awaitMore(200, 60, Duration.ofSeconds(60));

        restartingAt = ledger.now();
        cluster.start(leader);
        cluster.awaitInSync(leader, Duration.ofSeconds(60));
        // Leaderships go back to the restarted broker under traffic, as the cluster's own
        // rebalance would do within 5 minutes; from now on reads come from its recovered log.
        cluster.electPreferredLeaders(Duration.ofSeconds(60));
        threeServeAt = ledger.now();
        traffic.awaitMore(200, 60, Duration.ofSeconds(60));
      }
      trafficEndAt = ledger.now();
      ledger.settle(Duration.ofSeconds(60));

      List<OccupationEvent> log = system.events();
      ledger.assertConsistentWith(log);
      LogInvariants.assertConsistent(system, log, tags);
      AuditChecks.assertVerifyClean(system);
      assertThat(ledger.calls())
          .as("answers to requests sent while at least two of three brokers led every partition")
          .filteredOn(c -> c.at() >= twoServeAt)
          .extracting(ClientLedger.Call::status)
          .doesNotContain(503);

      System.out.printf(
          "%s%n  broker %d (leader of every command-path partition; active controller %d) crashed"
              + " at t=%.1fs (stop took %.1f s); the other two led everything %.1f s after the"
              + " crash; restarted at t=%.1fs, in sync and leading again %.1f s later%n"
              + "  503 %s; 202 %s%n"
              + "  decided commands/s: %s before the crash, %s until the two led everything, %s"
              + " with two of three, %s after the restart%n",
          ledger.summary("clusterFault"),
          leader,
          controller,
          crashingAt / 1000.0,
          (crashedAt - crashingAt) / 1000.0,
          (twoServeAt - crashingAt) / 1000.0,
          restartingAt / 1000.0,
          (threeServeAt - restartingAt) / 1000.0,
          ledger.window(503),
          ledger.window(202),
          decidedPerSecond(ledger, 0, crashingAt),
          decidedPerSecond(ledger, crashingAt, twoServeAt),
          decidedPerSecond(ledger, twoServeAt, restartingAt),
          decidedPerSecond(ledger, threeServeAt, trafficEndAt));
    }
  }

  /** Requests sent in [from, to) that got a decision (200 or a rejection), per second. */
  private static String decidedPerSecond(ClientLedger ledger, long from, long to) {
    long decided =
        ledger.calls().stream().filter(c -> c.at() >= from && c.at() < to && c.decided()).count();
    return to > from ? "%.1f".formatted(decided * 1000.0 / (to - from)) : "-";
  }
}
