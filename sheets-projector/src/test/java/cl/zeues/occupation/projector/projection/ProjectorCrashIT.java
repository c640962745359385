package cl.zeues.occupation.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.sheets.EventScript;
import cl.zeues.occupation.sheets.MetadataChain;
import cl.zeues.occupation.sheets.OperacionesCells;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.faults.FaultSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 6, topics = "occupation.events")
class ProjectorCrashIT {

  private static final int SPOOLS = 30;
  private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
  private static final List<Worker> WORKERS =
      List.of(
          Worker.of(94, "Juan Perez"), Worker.of(7, "Maria Soto"), Worker.of(12, "Pedro Rojas"));

  private static ProjectorHarness harness;

  @BeforeAll
  static void start() {
    harness =
        new ProjectorHarness(
            EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
            EmulatorConfig.defaults()
                .withFaults(FaultSettings.defaults().withLatency(Duration.ofMillis(150))));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void crashMidBatchThenRestartAndSecondInstanceLeaveNoDuplicateAndNoGap() {
    ShopSpreadsheet shop = new ShopSpreadsheet();
    for (int i = 0; i < SPOOLS; i++) {
      shop.spool(tag(i), "05-01-2026");
    }
    harness.seed(shop);
    EventScript script = new EventScript(20);
    Random random = new Random(21);

    // Small batches and 150 ms per request: a flush is in flight most of the time.
    String[] smallBatches = {"zeues.projection.max-events=7", "zeues.projection.max-wait=100ms"};
    ConfigurableApplicationContext first = harness.startProjector(smallBatches);
    harness.publish(wave(script, random, 60));
    // Aim the crash between a flush's batchUpdate and its append (odd write count); a request
    // already sent may still land after the close, as after a real crash.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () -> harness.metadataIds().size() >= 14 && harness.emulator.stats().writes() % 2 == 1);
    first.close(); // abrupt: the flush in flight is neither awaited nor committed
    int landedBeforeCrash = harness.metadataIds().size();
    long writesBeforeCrash = harness.emulator.stats().writes();

    harness.publish(wave(script, random, 40));
    ConfigurableApplicationContext second = harness.startProjector(smallBatches);
    ConfigurableApplicationContext third = harness.startProjector(smallBatches);
    harness.publish(wave(script, random, 40));

    List<OccupationEvent> events = script.events();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(harness.metadataIds()).hasSize(events.size()));
    List<String> ids = harness.metadataIds();
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    assertThat(ids)
        .containsExactlyInAnyOrderElementsOf(
            events.stream().map(e -> e.eventId().toString()).toList());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              for (int i = 0; i < SPOOLS; i++) {
                var state = script.state(tag(i));
                assertThat(harness.ownedCells(tag(i)))
                    .as(tag(i))
                    .isEqualTo(
                        state.version() == 0 ? untouched() : ProjectorHarness.expectedCells(state));
              }
            });
    System.out.printf(
        "ProjectorCrashIT: %d events, crash after %d writes with %d Metadata rows, %s%n",
        events.size(), writesBeforeCrash, landedBeforeCrash, harness.emulator.stats());
    var chain = harness.metadataChain();
    System.out.printf(
        "ProjectorCrashIT: Metadata chain %d rows, %d breaks %s%n",
        chain.hashedRows(),
        chain.breakCount(),
        chain.breaks().stream()
            .map(b -> b.row() + "->" + b.kind() + "/after " + b.chainedAfterRow())
            .toList());
    // The crash and the restart continue the chain; two instances appending at the same moment
    // fork it (no compare-and-set on Sheets), and every such row is still as written: its hash
    // chains it after an earlier row. Nothing else may break it.
    assertThat(chain.hashedRows()).isEqualTo(events.size());
    assertThat(chain.breaks())
        .allSatisfy(
            broken -> {
              assertThat(broken.kind()).isEqualTo(MetadataChain.BreakKind.HASH_MISMATCH);
              assertThat(broken.chainedAfterRow()).as("row %d", broken.row()).isNotNull();
            });
    harness.stopProjector(second);
    harness.stopProjector(third);
  }

  /** {@code count} events on random spools: take if free, else pause, complete or cancel. */
  private static List<OccupationEvent> wave(EventScript script, Random random, int count) {
    int before = script.events().size();
    while (script.events().size() < before + count) {
      String tag = tag(random.nextInt(SPOOLS));
      Instant at = T0.plus(Duration.ofMinutes(script.events().size()));
      var state = script.state(tag);
      if (state.occupation() == null) {
        Operacion op =
            state.arm().estado() == cl.zeues.occupation.domain.Estado.COMPLETADO
                ? Operacion.SOLD
                : Operacion.ARM;
        if (op == Operacion.SOLD
            && state.sold().estado() == cl.zeues.occupation.domain.Estado.COMPLETADO) {
          continue;
        }
        script.tomar(tag, WORKERS.get(random.nextInt(WORKERS.size())), op, at);
      } else {
        switch (random.nextInt(4)) {
          case 0 -> script.pausar(tag, at);
          case 1 -> script.completar(tag, at, LocalDate.of(2026, 5, 4));
          case 2 -> script.cancelar(tag, at);
          default -> script.expirar(tag, at);
        }
      }
    }
    return script.events().subList(before, script.events().size());
  }

  private static java.util.Map<String, String> untouched() {
    java.util.Map<String, String> cells = new java.util.LinkedHashMap<>();
    OperacionesCells.OWNED.forEach(column -> cells.put(column, ""));
    return cells;
  }

  private static String tag(int i) {
    return String.format("CR-%03d", i);
  }
}
