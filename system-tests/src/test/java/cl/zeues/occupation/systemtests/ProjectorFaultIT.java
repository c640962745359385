package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sheets side under faults: the sheets-projector killed with SIGKILL in the middle of a Sheets
 * batch, and a minute in which Google answers every write with 429. Afterwards the spreadsheet
 * equals the state replayed from the log, with exactly one {@code Metadata} row per event: nothing
 * lost, nothing written twice.
 */
class ProjectorFaultIT {

  static final String RUN = "PRJ-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
  static final List<String> KILL_TAGS = tags("K");
  static final List<String> STORM_TAGS = tags("S");

  /** Google's answer time, roughly: keeps a flush in flight long enough to be cut in half. */
  static final Duration SHEETS_LATENCY = Duration.ofMillis(150);

  static ZeuesSystem system;

  static List<String> tags(String set) {
    return IntStream.rangeClosed(1, 20)
        .mapToObj(i -> RUN + "-" + set + "%03d".formatted(i))
        .toList();
  }

  @BeforeAll
  static void start() {
    system = ZeuesSystem.builder().processors(1).start();
    ShopSpreadsheet spreadsheet = new ShopSpreadsheet();
    Stream.concat(KILL_TAGS.stream(), STORM_TAGS.stream())
        .forEach(tag -> spreadsheet.spool(tag, "01-10-2026"));
    IntStream.rangeClosed(1, 40)
        .forEach(
            id -> {
              var worker = Tablets.catalogEntry(id);
              spreadsheet.worker(id, worker.nombre(), worker.apellido(), true, "Armador");
            });
    system.startEmulator(spreadsheet);
    system.emulator().updateFaults(f -> f.withLatency(SHEETS_LATENCY));
    system.catalog(KILL_TAGS);
    system.catalog(STORM_TAGS);
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void projectorKilled() {
    system.stopProjector();
    List<String> arguments = new ArrayList<>(system.projectorArguments());
    // A dead member leaves the group after 6 s, so the next projector gets the partitions soon.
    arguments.add("--spring.kafka.consumer.properties.session.timeout.ms=6000");
    arguments.add("--spring.kafka.consumer.properties.heartbeat.interval.ms=1500");
    ClientLedger ledger = new ClientLedger(system);
    long writesAtKill;
    long killedAt;
    try (ServiceProcess projector =
            ServiceProcess.start(ServiceProcess.Service.PROJECTOR, RUN + "-projector", arguments);
        ShopFloorTraffic traffic =
            ShopFloorTraffic.start(
                ledger, KILL_TAGS, RUN + "-K", 8, Duration.ofMillis(40), false)) {
      traffic.awaitRequests(100, Duration.ofSeconds(60));
      // Mid-batch: a flush is one batchUpdate (Operaciones) then one append (Metadata), and the
      // offsets are committed after both landed. An odd count of admitted writes is the moment
      // between the two: cells written, audit rows not yet, offsets not committed.
      long before = system.emulator().stats().writes();
      writesAtKill =
          Awaitility.await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(5))
              .until(
                  () -> system.emulator().stats().writes(),
                  writes -> writes > before && writes % 2 == 1);
      projector.kill();
      killedAt = ledger.now();
      traffic.awaitMore(200, 50, Duration.ofSeconds(60));
    }
    long restartedAt = ledger.now();
    system.startProjector();
    ledger.settle(Duration.ofSeconds(60));

    List<OccupationEvent> log = system.events();
    ledger.assertConsistentWith(log);
    LogInvariants.assertConsistent(system, log, KILL_TAGS);
    AuditChecks.assertVerifyClean(system);
    AuditChecks.awaitSheetsMatchLog(system, Duration.ofSeconds(120));
    long convergedAt = ledger.now();
    System.out.printf(
        "%s; projector killed at t=%.1fs after %d Sheets writes (between a flush's batchUpdate"
            + " and its append), restarted in-process %.1f s later, sheets equal the log %.1f s"
            + " after the restart (%d events)%n",
        ledger.summary("projectorKilled"),
        killedAt / 1000.0,
        writesAtKill,
        (restartedAt - killedAt) / 1000.0,
        (convergedAt - restartedAt) / 1000.0,
        log.size());
  }

  @Test
  void sheetsQuotaStorm() {
    system.startProjectorIfStopped();
    Duration storm = Duration.ofSeconds(60);
    ClientLedger ledger = new ClientLedger(system);
    long stormAt;
    long rateLimited;
    try (ShopFloorTraffic traffic =
        ShopFloorTraffic.start(ledger, STORM_TAGS, RUN + "-S", 4, Duration.ofMillis(150), false)) {
      traffic.awaitRequests(50, Duration.ofSeconds(60));
      long before = system.emulator().stats().rateLimited();
      system.emulator().startRateLimitStorm(storm);
      stormAt = ledger.now();
      // The clients keep working through the storm: the API and processor never wait on Sheets.
      Awaitility.await()
          .atMost(storm.plusSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> ledger.now() - stormAt >= storm.toMillis());
      rateLimited = system.emulator().stats().rateLimited() - before;
    }
    long stormEndedAt = stormAt + storm.toMillis();
    ledger.settle(Duration.ofSeconds(60));

    List<OccupationEvent> log = system.events();
    ledger.assertConsistentWith(log);
    LogInvariants.assertConsistent(system, log, STORM_TAGS);
    AuditChecks.assertVerifyClean(system);
    assertThat(rateLimited).as("writes answered 429 during the storm").isPositive();
    assertThat(ledger.answers().keySet())
        .as("the API's answers during the storm")
        .allMatch(a -> !a.startsWith("5"));
    AuditChecks.awaitSheetsMatchLog(system, Duration.ofSeconds(120));
    long convergedAt = ledger.now();
    System.out.printf(
        "%s; 429 storm of %d s from t=%.1fs: %d writes refused, sheets equal the log %.1f s after"
            + " it ended (%d events)%n",
        ledger.summary("sheetsQuotaStorm"),
        storm.toSeconds(),
        stormAt / 1000.0,
        rateLimited,
        (convergedAt - stormEndedAt) / 1000.0,
        log.size());
  }
}
