package cl.zeues.occupation.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.sheets.EventScript;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.faults.EmulatorStats;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 6, topics = "occupation.events")
class QuotaIT {

  private static final int SPOOLS = 100;
  private static final Instant T0 = Instant.parse("2026-06-01T13:00:00Z");

  private static ProjectorHarness harness;

  @BeforeAll
  static void start() {
    harness =
        new ProjectorHarness(
            EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
            EmulatorConfig.defaults().withWritesPerMinute(10));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void fiveHundredEventsLandUnderTenWritesPerMinuteAndThe429sAreRetried() {
    ShopSpreadsheet shop = new ShopSpreadsheet();
    for (int i = 0; i < SPOOLS; i++) {
      shop.spool(tag(i), "05-01-2026");
    }
    harness.seed(shop);
    // Five events per spool: take, pause, take, complete ARM, take SOLD.
    EventScript script = new EventScript(30);
    Worker juan = Worker.of(94, "Juan Perez");
    Worker maria = Worker.of(7, "Maria Soto");
    for (int i = 0; i < SPOOLS; i++) {
      Instant at = T0.plus(Duration.ofMinutes(i));
      script.tomar(tag(i), juan, Operacion.ARM, at);
      script.pausar(tag(i), at.plusSeconds(60));
      script.tomar(tag(i), maria, Operacion.ARM, at.plusSeconds(120));
      script.completar(tag(i), at.plusSeconds(180), LocalDate.of(2026, 6, 1));
      script.tomar(tag(i), juan, Operacion.SOLD, at.plusSeconds(240));
    }
    List<OccupationEvent> events = script.events();
    assertThat(events).hasSize(500);

    // Our budget (8/min) sits below the emulator's 10/min; the 429s come from a storm, as when
    // another client spends the same quota. Retry-After is honoured (the storm's remaining time).
    ConfigurableApplicationContext projector =
        harness.startProjector("zeues.sheets.writes-per-minute=8", "zeues.projection.max-wait=1s");
    harness.awaitConsumerAssigned("sheets-projector");
    harness.emulator.startRateLimitStorm(Duration.ofSeconds(2));
    harness.publish(events);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(harness.metadataIds()).hasSize(events.size()));
    List<String> ids = harness.metadataIds();
    assertThat(new HashSet<>(ids)).hasSize(500);
    for (int i = 0; i < SPOOLS; i += 9) {
      assertThat(harness.ownedCells(tag(i)))
          .isEqualTo(ProjectorHarness.expectedCells(script.state(tag(i))));
    }

    EmulatorStats stats = harness.emulator.stats();
    double rateLimited =
        ProjectorHarness.counter(projector, "zeues.projection.sheets.rate.limited");
    double writes =
        ProjectorHarness.counter(projector, ProjectionMetrics.REQUESTS, "kind", "batchUpdate")
            + ProjectorHarness.counter(projector, ProjectionMetrics.REQUESTS, "kind", "append");
    double reads =
        ProjectorHarness.counter(projector, ProjectionMetrics.REQUESTS, "kind", "batchGet");
    System.out.printf(
        "QuotaIT: %d events, %.0f write requests (%.0f answered 429), %.0f reads:"
            + " %.4f write requests per event; emulator %s%n",
        events.size(), writes, rateLimited, reads, writes / events.size(), stats);
    assertThat(rateLimited).isGreaterThanOrEqualTo(1);
    assertThat(stats.rateLimited()).isGreaterThanOrEqualTo(1);
    assertThat(stats.writes()).isLessThanOrEqualTo(10);
  }

  private static String tag(int i) {
    return String.format("QT-%03d", i);
  }
}
