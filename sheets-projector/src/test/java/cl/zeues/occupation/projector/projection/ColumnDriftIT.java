package cl.zeues.occupation.projector.projection;

import static cl.zeues.occupation.sheets.ShopSpreadsheet.OPERACIONES_HEADERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.sheets.EventScript;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.grid.ValueRenderOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 6, topics = "occupation.events")
class ColumnDriftIT {

  private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
  private static final Worker JUAN = Worker.of(94, "Juan Perez");
  private static final Worker MARIA = Worker.of(7, "Maria Soto");
  private static final int OCUPADO_POR = OPERACIONES_HEADERS.indexOf("Ocupado_Por");
  private static final int WIDTH = OPERACIONES_HEADERS.size() + 1;

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
  void columnInsertedBeforeOcupadoPorStopsProjectionUntilTheHeaderIsRestored() {
    ShopSpreadsheet shop =
        new ShopSpreadsheet().spool("DR-1", "05-01-2026").spool("DR-2", "05-01-2026");
    harness.seed(shop);
    EventScript script = new EventScript(50);
    ConfigurableApplicationContext projector =
        harness.startProjector("zeues.projection.drift-settle=10m");

    script.tomar("DR-1", JUAN, Operacion.ARM, T0);
    harness.publish(script.events());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(harness.ownedCells("DR-1"))
                    .isEqualTo(ProjectorHarness.expectedCells(script.state("DR-1"))));
    List<List<String>> beforeDrift = harness.rows("Operaciones", WIDTH);

    // Engineering inserts a column before Ocupado_Por while the projector runs.
    rewriteOperaciones(rows -> insertColumn(rows, OCUPADO_POR, "MatSys2"));
    List<List<String>> drifted = harness.rows("Operaciones", WIDTH);
    assertThat(drifted).isEqualTo(insertColumnShown(beforeDrift, OCUPADO_POR, "MatSys2"));

    int before = script.events().size();
    script.pausar("DR-1", T0.plusSeconds(3600));
    script.tomar("DR-2", MARIA, Operacion.ARM, T0.plusSeconds(3700));
    harness.publish(script.events().subList(before, script.events().size()));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Health health = ProjectorHarness.health(projector);
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(String.valueOf(health.getDetails().get("columns")))
                  .contains("Operaciones!Ocupado_Por");
              assertThat((String) health.getDetails().get("reason")).contains("Ocupado_Por");
            });
    // Stopped: not one cell changes while the header is wrong, nor is anything appended.
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> harness.rows("Operaciones", WIDTH).equals(drifted));
    assertThat(harness.metadataIds()).hasSize(1);

    // The header is put back: projection resumes and the rows converge.
    rewriteOperaciones(rows -> removeColumn(rows, OCUPADO_POR));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(ProjectorHarness.health(projector).getStatus()).isEqualTo(Status.UP);
              assertThat(harness.metadataIds()).hasSize(3);
              assertThat(harness.ownedCells("DR-1"))
                  .isEqualTo(ProjectorHarness.expectedCells(script.state("DR-1")));
              assertThat(harness.ownedCells("DR-2"))
                  .isEqualTo(ProjectorHarness.expectedCells(script.state("DR-2")));
            });
    List<List<String>> seeded = ProjectorHarness.seeded(shop, "Operaciones", WIDTH);
    List<List<String>> after = harness.rows("Operaciones", WIDTH);
    for (int row = 1; row < seeded.size(); row++) {
      List<String> want = new ArrayList<>(seeded.get(row));
      String tag = want.get(OPERACIONES_HEADERS.indexOf("TAG_SPOOL"));
      ProjectorHarness.expectedCells(script.state(tag))
          .forEach((column, value) -> want.set(ProjectorHarness.column(column), value));
      assertThat(after.get(row)).isEqualTo(want);
    }
  }

  private interface RowsChange {
    void apply(List<List<Object>> rows);
  }

  /** Rewrites Operaciones through the emulator's admin API, keeping every other sheet. */
  @SuppressWarnings("unchecked")
  private static void rewriteOperaciones(RowsChange change) {
    Map<String, Object> document =
        harness
            .emulator
            .spreadsheet(ProjectorHarness.SPREADSHEET, ValueRenderOption.FORMULA)
            .orElseThrow();
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    ((Map<String, List<List<Object>>>) document.get("sheets"))
        .forEach(
            (title, rows) -> {
              List<List<Object>> copy = new ArrayList<>();
              rows.forEach(row -> copy.add(new ArrayList<>(row)));
              sheets.put(title, copy);
            });
    change.apply(sheets.get("Operaciones"));
    harness.emulator.putSpreadsheet(ProjectorHarness.SPREADSHEET, sheets);
  }

  private static void insertColumn(List<List<Object>> rows, int index, String header) {
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      while (row.size() < index) {
        row.add("");
      }
      row.add(index, r == 0 ? header : "");
    }
  }

  private static void removeColumn(List<List<Object>> rows, int index) {
    for (List<Object> row : rows) {
      if (row.size() > index) {
        row.remove(index);
      }
    }
  }

  private static List<List<String>> insertColumnShown(
      List<List<String>> rows, int index, String header) {
    List<List<String>> shown = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = new ArrayList<>(rows.get(r));
      row.add(index, r == 0 ? header : "");
      shown.add(new ArrayList<>(row.subList(0, WIDTH)));
    }
    return shown;
  }
}
