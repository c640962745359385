package cl.zeues.occupation.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.sheets.EventScript;
import cl.zeues.occupation.sheets.FormulaPayloads;
import cl.zeues.occupation.sheets.HeaderNames;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.grid.Cell;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 6, topics = "occupation.events")
class FormulaInjectionIT {

  private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
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
  void injectionPayloadsAreStoredAsInertText() {
    String[] payloads = FormulaPayloads.PAYLOADS;
    ShopSpreadsheet shop = new ShopSpreadsheet();
    for (int i = 0; i < payloads.length; i++) {
      shop.spool(tag(i, payloads), "05-01-2026");
    }
    harness.seed(shop);
    EventScript script = new EventScript(40);
    for (int i = 0; i < payloads.length; i++) {
      Worker evil = new Worker(60 + i, payloads[i], payloads[i] + "(" + (60 + i) + ")");
      script.tomar(tag(i, payloads), evil, Operacion.ARM, T0);
      if (i % 2 == 0) {
        script.liberar(tag(i, payloads), T0.plusSeconds(60), payloads[i], "motivo " + payloads[i]);
        script.tomar(tag(i, payloads), evil, Operacion.ARM, T0.plusSeconds(120));
      }
    }
    harness.startProjector();
    harness.publish(script.events());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(harness.metadataIds()).hasSize(script.events().size()));

    List<String> headers = ShopSpreadsheet.OPERACIONES_HEADERS;
    for (int i = 0; i < payloads.length; i++) {
      int row = i + 2;
      String token = payloads[i] + "(" + (60 + i) + ")";
      assertThat(stored("Operaciones", headers.indexOf("Ocupado_Por"), row))
          .contains(new Cell.Text("'" + token));
      assertThat(stored("Operaciones", headers.indexOf("Armador"), row))
          .contains(new Cell.Text("'" + token));
      assertThat(stored("Operaciones", headers.indexOf("Estado_Detalle"), row))
          .contains(
              new Cell.Text("'" + token + " trabajando ARM (ARM en progreso, SOLD pendiente)"));
    }
    int metadataRows = script.events().size() + 1;
    for (int row = 2; row <= metadataRows; row++) {
      for (int column = 0; column < 11; column++) {
        Optional<Cell> cell = stored("Metadata", column, row);
        cell.ifPresent(stored -> assertThat(stored).isNotInstanceOf(Cell.Formula.class));
        cell.filter(Cell.Text.class::isInstance)
            .map(c -> ((Cell.Text) c).value())
            .ifPresent(
                text ->
                    assertThat(text)
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("-")
                        .doesNotStartWith("@")
                        .doesNotStartWith("\t")
                        .doesNotStartWith("\r"));
      }
    }
  }

  private static Optional<Cell> stored(String sheet, int column, int row) {
    return harness.emulator.cell(
        ProjectorHarness.SPREADSHEET, sheet + "!" + HeaderNames.letters(column) + row);
  }

  private static String tag(int i, String[] payloads) {
    return i == payloads.length - 1 ? "=1+1" : "FI-" + i;
  }
}
