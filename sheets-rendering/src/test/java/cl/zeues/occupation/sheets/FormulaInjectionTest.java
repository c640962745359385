package cl.zeues.occupation.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormulaInjectionTest {

  static String[] payloads() {
    return FormulaPayloads.PAYLOADS.clone();
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void payloadsGetALeadingQuote(String payload) {
    assertThat(FormulaNeutralizer.neutralize(payload)).isEqualTo("'" + payload);
  }

  @Test
  void ordinaryTextIsUntouched() {
    assertThat(FormulaNeutralizer.neutralize("JP(94)")).isEqualTo("JP(94)");
    assertThat(FormulaNeutralizer.neutralize("a=1+1")).isEqualTo("a=1+1");
    assertThat(FormulaNeutralizer.neutralize("'=1+1")).isEqualTo("'=1+1");
    assertThat(FormulaNeutralizer.neutralize(null)).isEmpty();
    assertThat(FormulaNeutralizer.neutralize("")).isEmpty();
  }

  @Test
  void userDerivedCellsAreNeutralisedEverywhereTheyStartACell() {
    EventScript script = new EventScript(4);
    Worker evil = new Worker(66, "=1+1", "=1+1(66)");
    Instant t = Instant.parse("2026-03-10T12:00:00Z");
    var tomar = script.tomar("-S-1", evil, Operacion.ARM, t);

    Map<String, Object> cells = OperacionesCells.of(script.state("-S-1"));
    assertThat(cells)
        .containsEntry("Ocupado_Por", "'=1+1(66)")
        .containsEntry("Armador", "'=1+1(66)")
        .containsEntry(
            "Estado_Detalle", "'=1+1(66) trabajando ARM (ARM en progreso, SOLD pendiente)");
    Map<String, Object> row = MetadataRow.of(tomar);
    assertThat(row).containsEntry("TAG_SPOOL", "'-S-1").containsEntry("Worker_Nombre", "'=1+1(66)");
    assertThat((String) row.get("Metadata_JSON")).startsWith("{");
  }
}
