package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationEvent;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker goes away under traffic and comes back on the same port with the same log. While
 * it is down the API must answer quickly and honestly (503: not registered, or 202: not decided
 * yet), never a decision it did not get from the processor; afterwards every command it
 * acknowledged is decided exactly once and the log keeps its invariants.
 */
class BrokerRestartFaultIT {

  static final String RUN = "BRK-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  @Test
  void brokerRestart() {
    List<String> tags =
        IntStream.rangeClosed(1, 30).mapToObj(i -> RUN + "-%03d".formatted(i)).toList();
    try (ZeuesSystem system = ZeuesSystem.builder().restartableBroker().processors(1).start()) {
      system.catalog(tags);
      ClientLedger ledger = new ClientLedger(system);
      long downAt;
      long stoppedAt;
      long upAt;
      try (ShopFloorTraffic traffic =
          ShopFloorTraffic.start(ledger, tags, RUN, 10, Duration.ofMillis(40), false)) {
        traffic.awaitRequests(100, Duration.ofSeconds(60));

        downAt = ledger.now();
        system.stopBroker();
        stoppedAt = ledger.now();
        // Down until the clients have felt it: a few requests refused as not registered.
        traffic.awaitMore(503, 6, Duration.ofSeconds(60));
        system.startBroker();
        upAt = ledger.now();

        traffic.awaitMore(200, 80, Duration.ofSeconds(120));
      }
      ledger.settle(Duration.ofSeconds(60));

      List<OccupationEvent> log = system.events();
      ledger.assertConsistentWith(log);
      LogInvariants.assertConsistent(system, log, tags);
      AuditChecks.assertVerifyClean(system);
      assertThat(ledger.calls())
          .as("answers while the broker was away")
          .filteredOn(c -> c.at() >= stoppedAt && c.at() + c.took() < upAt)
          .extracting(ClientLedger.Call::status)
          .isSubsetOf(503, 202);
      long firstAcceptedAfter =
          ledger.calls().stream()
              .filter(c -> c.status() == 200 && c.at() >= upAt)
              .mapToLong(ClientLedger.Call::at)
              .min()
              .orElseThrow();
      System.out.printf(
          "%s; broker stopping at t=%.1fs (stopped %.1f s later), back after %.1f s, first 200"
              + " sent %.1f s after it was back; 202 %s%n",
          ledger.summary("brokerRestart"),
          downAt / 1000.0,
          (stoppedAt - downAt) / 1000.0,
          (upAt - downAt) / 1000.0,
          (firstAcceptedAfter - upAt) / 1000.0,
          ledger.window(202));
    }
  }
}
