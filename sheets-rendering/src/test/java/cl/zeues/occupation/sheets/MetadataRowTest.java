package cl.zeues.occupation.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetadataRowTest {

  private static final Worker JUAN = Worker.of(94, "Juan Perez");
  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  private final EventScript script = new EventScript(2);

  @Test
  void tomarRowHasTheElevenColumnsInHeaderOrder() {
    OccupationEvent tomar = script.tomar("S-1", JUAN, Operacion.ARM, T);
    Map<String, Object> row = MetadataRow.of(tomar);

    assertThat(row.keySet()).containsExactlyElementsOf(MetadataRow.HEADERS);
    assertThat(row)
        .containsEntry("ID", tomar.eventId().toString())
        .containsEntry("Timestamp", "10-03-2026 09:00:00")
        .containsEntry("Evento_Tipo", "TOMAR_ARM")
        .containsEntry("TAG_SPOOL", "S-1")
        .containsEntry("Worker_ID", 94)
        .containsEntry("Worker_Nombre", "JP(94)")
        .containsEntry("Operacion", "ARM")
        .containsEntry("Accion", "TOMAR")
        .containsEntry("Fecha_Operacion", "10-03-2026")
        .containsEntry("N_UNION", "");
    assertThat(json(row))
        .containsEntry("version", 1)
        .containsEntry("command_id", tomar.commandId().toString())
        .containsEntry("occupation_id", tomar.occupationId().toString())
        .containsEntry("ocupado_desde", "10-03-2026 09:00:00")
        .containsEntry("lease_until", "10-03-2026 21:00:00")
        .containsEntry("reanudacion", false);
  }

  @Test
  void theSendingDeviceIsInTheJsonAndAbsentWithoutOne() {
    OccupationEvent tomar = script.tomar("S-1", JUAN, Operacion.ARM, T);
    var pausado =
        new OccupationEvent.SpoolPausado(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "S-1",
            2,
            JUAN,
            Operacion.ARM,
            tomar.occupationId(),
            T,
            T,
            null,
            "tablet-7",
            "ab".repeat(32));

    assertThat(json(MetadataRow.of(pausado))).containsEntry("dispositivo", "tablet-7");
    assertThat(json(MetadataRow.of(tomar))).doesNotContainKey("dispositivo");
    assertThat(MetadataRow.of(pausado).keySet()).containsExactlyElementsOf(MetadataRow.HEADERS);
  }

  @Test
  void completarUsesTheCompletionDate() {
    script.tomar("S-1", JUAN, Operacion.SOLD, T);
    OccupationEvent completar =
        script.completar("S-1", Instant.parse("2026-03-11T02:30:00Z"), LocalDate.of(2026, 3, 10));
    Map<String, Object> row = MetadataRow.of(completar);
    assertThat(row)
        .containsEntry("Evento_Tipo", "COMPLETAR_SOLD")
        .containsEntry("Accion", "COMPLETAR")
        .containsEntry("Timestamp", "10-03-2026 23:30:00")
        .containsEntry("Fecha_Operacion", "10-03-2026");
    assertThat(json(row))
        .containsEntry("version", 2)
        .containsEntry("fecha_operacion", "10-03-2026");
  }

  @Test
  void everyActionHasItsEventType() {
    script.tomar("A", JUAN, Operacion.ARM, T);
    assertThat(MetadataRow.eventoTipo(script.pausar("A", T))).isEqualTo("PAUSAR_ARM");
    script.tomar("A", JUAN, Operacion.ARM, T);
    assertThat(MetadataRow.eventoTipo(script.cancelar("A", T))).isEqualTo("CANCELAR_ARM");
    script.tomar("A", JUAN, Operacion.ARM, T);
    OccupationEvent expirar = script.expirar("A", T);
    assertThat(MetadataRow.eventoTipo(expirar)).isEqualTo("EXPIRAR_ARM");
    assertThat(MetadataRow.accion(expirar)).isEqualTo("EXPIRAR");
    assertThat(json(MetadataRow.of(expirar))).containsKeys("ocupado_desde", "lease_until");
  }

  @Test
  void adminReleaseIsLiberarAdminWithAdminAndMotivo() {
    script.tomar("A", JUAN, Operacion.ARM, T);
    OccupationEvent liberar = script.liberar("A", T, "supervisor(1)", "=1+1 olvidado");
    Map<String, Object> row = MetadataRow.of(liberar);
    assertThat(row)
        .containsEntry("Evento_Tipo", "LIBERAR_ADMIN")
        .containsEntry("Accion", "LIBERAR");
    assertThat(json(row))
        .containsEntry("admin", "supervisor(1)")
        .containsEntry("motivo", "=1+1 olvidado");
    assertThat((String) row.get("Metadata_JSON")).startsWith("{").doesNotContain("\n");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Map<String, Object> row) {
    return new JsonCodec().read((String) row.get("Metadata_JSON"), Map.class);
  }
}
