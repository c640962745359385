package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationEvent;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two occupation-processor instances, each a real {@code java -jar} process in one consumer group,
 * decide the shop's traffic; one is killed with SIGKILL mid-flight (its open transaction, its
 * polled-but-uncommitted commands and its group membership all left behind). The survivor must take
 * its partitions over and decide every acknowledged command exactly once.
 */
class ProcessorKilledFaultIT {

  static final String RUN = "KILL-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  /**
   * How an operator would run processors that should fail over quickly: a dead member leaves the
   * group after 6 s (the broker's minimum) instead of 45 s, and its open transaction is aborted
   * after 10 s instead of 60 s, so read_committed readers move on.
   */
  static final List<String> FAST_FAILOVER =
      List.of(
          "--spring.kafka.consumer.properties.session.timeout.ms=6000",
          "--spring.kafka.consumer.properties.heartbeat.interval.ms=1500",
          "--spring.kafka.producer.properties.transaction.timeout.ms=10000");

  @Test
  void processorKilledMidFlight() {
    List<String> tags =
        IntStream.rangeClosed(1, 30).mapToObj(i -> RUN + "-%03d".formatted(i)).toList();
    try (ZeuesSystem system =
        ZeuesSystem.builder().processors(0).processorProcesses(2, FAST_FAILOVER).start()) {
      system.catalog(tags);
      ServiceProcess victim = system.processorProcesses().get(0);
      ServiceProcess survivor = system.processorProcesses().get(1);
      ClientLedger ledger = new ClientLedger(system);
      long killedAt;
      long tookOverAt;
      try (ShopFloorTraffic traffic =
          ShopFloorTraffic.start(ledger, tags, RUN, 12, Duration.ofMillis(40), false)) {
        traffic.awaitRequests(150, Duration.ofSeconds(60));

        killedAt = ledger.now();
        victim.kill();
        system.awaitProcessorGroup(1, Duration.ofSeconds(60));
        tookOverAt = ledger.now();

        traffic.awaitMore(200, 100, Duration.ofSeconds(60));
        assertThat(survivor.isAlive()).isTrue();
      }
      ledger.settle(Duration.ofSeconds(60));

      List<OccupationEvent> log = system.events();
      ledger.assertConsistentWith(log);
      LogInvariants.assertConsistent(system, log, tags);
      AuditChecks.assertVerifyClean(system);
      System.out.printf(
          "%s; victim (pid %d) killed at t=%.1fs, survivor owned all partitions %.1f s later; 202"
              + " %s%n",
          ledger.summary("processorKilledMidFlight"),
          victim.pid(),
          killedAt / 1000.0,
          (tookOverAt - killedAt) / 1000.0,
          ledger.window(202));
    }
  }
}
