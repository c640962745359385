package cl.zeues.occupation.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.sheets.ColumnLayout;
import cl.zeues.occupation.sheets.EventScript;
import cl.zeues.occupation.sheets.MetadataChain;
import cl.zeues.occupation.sheets.MetadataRow;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.grid.ValueRenderOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The {@code Metadata} hash chain across a restart that finds its rows already in the sheet (what a
 * crash between a flush's append and its offset commit leaves: the same events projected again),
 * under rows from before the chain and after a row another writer appended: the chain verifies from
 * the top with no break.
 */
@EmbeddedKafka(partitions = 6, topics = "occupation.events")
class MetadataChainIT {

  private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
  private static final List<Worker> WORKERS =
      List.of(Worker.of(94, "Juan Perez"), Worker.of(7, "Maria Soto"));
  private static final int SPOOLS = 8;

  private static ProjectorHarness harness;

  @BeforeAll
  static void start() {
    harness =
        new ProjectorHarness(
            EmbeddedKafkaCondition.getBroker().getBrokersAsString(), EmulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void aRestartThatFindsItsRowsAlreadyThereContinuesTheChainWithoutForkingIt() {
    ShopSpreadsheet shop = new ShopSpreadsheet();
    for (int i = 0; i < SPOOLS; i++) {
      shop.spool(tag(i), "05-01-2026");
    }
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>(shop.sheets());
    List<List<Object>> metadata = new ArrayList<>(sheets.get("Metadata"));
    ColumnLayout layout = ColumnLayout.of("Metadata", metadata.get(0), MetadataRow.COLUMNS);
    EventScript before = new EventScript(1);
    // Two rows written before the chain existed: the 11 columns, no Hash.
    metadata.add(
        layout.row(MetadataRow.of(before.tomar("OLD-1", WORKERS.get(0), Operacion.ARM, T0))));
    metadata.add(layout.row(MetadataRow.of(before.pausar("OLD-1", T0.plusSeconds(60)))));
    sheets.put("Metadata", metadata);
    harness.emulator.putSpreadsheet(ProjectorHarness.SPREADSHEET, sheets);

    EventScript script = new EventScript(31);
    ConfigurableApplicationContext first =
        harness.startProjector(
            "zeues.projection.group-id=chain-first", "zeues.projection.max-events=5");
    harness.publish(wave(script, 20));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(harness.metadataIds()).hasSize(2 + 20));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(ProjectorHarness.health(first).getDetails()).containsEntry("lag", 0L));
    harness.stopProjector(first);
    assertThat(harness.metadataChain().breaks()).isEmpty();

    // Another writer appends a row chained after the last one, as repair-sheets does.
    String remediarId = appendChainedRow();

    // A projector that committed nothing projects the whole log again: every event it finds
    // already there is skipped (and keeps its hash), the new ones are chained under the last row.
    ConfigurableApplicationContext second =
        harness.startProjector(
            "zeues.projection.group-id=chain-second", "zeues.projection.max-events=5");
    harness.publish(wave(script, 15));
    List<OccupationEvent> events = script.events();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(harness.metadataIds()).hasSize(2 + 1 + events.size()));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(ProjectorHarness.health(second).getDetails()).containsEntry("lag", 0L));

    List<String> ids = harness.metadataIds();
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    assertThat(ids.indexOf(remediarId)).isEqualTo(2 + 20);
    MetadataChain.Check chain = harness.metadataChain();
    assertThat(chain.breaks()).isEmpty();
    assertThat(chain.unhashedRows()).isEqualTo(2);
    assertThat(chain.hashedRows()).isEqualTo(1 + events.size());
    assertThat(ProjectorHarness.counter(second, "zeues.projection.metadata.chain.forks")).isZero();
    harness.stopProjector(second);
  }

  /** Appends a REMEDIAR-like row through the emulator's admin API, chained after the last row. */
  @SuppressWarnings("unchecked")
  private static String appendChainedRow() {
    Map<String, Object> document =
        harness
            .emulator
            .spreadsheet(ProjectorHarness.SPREADSHEET, ValueRenderOption.UNFORMATTED_VALUE)
            .orElseThrow();
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    ((Map<String, List<List<Object>>>) document.get("sheets"))
        .forEach(
            (title, rows) -> {
              List<List<Object>> copy = new ArrayList<>();
              rows.forEach(row -> copy.add(new ArrayList<>(row)));
              sheets.put(title, copy);
            });
    List<List<Object>> metadata = sheets.get("Metadata");
    ColumnLayout layout = ColumnLayout.of("Metadata", metadata.get(0), MetadataRow.COLUMNS);
    Object lastHash = layout.byHeader(metadata.getLast()).get(MetadataRow.HASH);
    String id = UUID.nameUUIDFromBytes("remediar".getBytes()).toString();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(MetadataRow.ID, id);
    row.put("Timestamp", "01-06-2026 10:00:00");
    row.put("Evento_Tipo", "REMEDIAR_CELDAS");
    row.put("TAG_SPOOL", tag(0));
    row.put("Worker_Nombre", "auditora");
    row.put("Accion", "REMEDIAR");
    row.put("Metadata_JSON", "{\"repair\":\"cells\"}");
    metadata.add(
        layout.row(MetadataChain.chain(List.of(row), MetadataChain.after(lastHash)).getFirst()));
    harness.emulator.putSpreadsheet(ProjectorHarness.SPREADSHEET, sheets);
    return id;
  }

  /** {@code count} events: a free spool is taken, a taken one paused. */
  private static List<OccupationEvent> wave(EventScript script, int count) {
    int before = script.events().size();
    for (int i = 0; i < count; i++) {
      int n = before + i;
      String tag = tag(n % SPOOLS);
      Instant at = T0.plus(Duration.ofMinutes(n));
      if (script.state(tag).occupation() == null) {
        script.tomar(tag, WORKERS.get(n % WORKERS.size()), Operacion.ARM, at);
      } else {
        script.pausar(tag, at);
      }
    }
    return script.events().subList(before, script.events().size());
  }

  private static String tag(int i) {
    return "CH-%03d".formatted(i);
  }
}
