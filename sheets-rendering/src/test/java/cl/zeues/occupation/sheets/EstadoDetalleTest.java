package cl.zeues.occupation.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.domain.EstadoDetalle;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EstadoDetalleTest {

  private static final Worker JUAN = Worker.of(94, "Juan Perez");
  private static final Worker MARIA = Worker.of(7, "Maria Soto");
  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  private final EventScript script = new EventScript(1);

  @Test
  void untouchedSpoolIsAvailableWithBothPending() {
    assertThat(EstadoDetalle.of(script.state("S-1")))
        .isEqualTo("Disponible - ARM pendiente, SOLD pendiente");
  }

  @Test
  void occupiedSpoolNamesTheWorkerAndOperation() {
    script.tomar("S-1", JUAN, Operacion.ARM, T);
    assertThat(EstadoDetalle.of(script.state("S-1")))
        .isEqualTo("JP(94) trabajando ARM (ARM en progreso, SOLD pendiente)");
  }

  @Test
  void pausedArmIsAvailableAndPausado() {
    script.tomar("S-1", JUAN, Operacion.ARM, T);
    script.pausar("S-1", T.plusSeconds(60));
    assertThat(EstadoDetalle.of(script.state("S-1")))
        .isEqualTo("Disponible - ARM pausado, SOLD pendiente");
  }

  @Test
  void completedArmThenSoldInProgress() {
    script.tomar("S-1", JUAN, Operacion.ARM, T);
    script.completar("S-1", T.plusSeconds(60), LocalDate.of(2026, 3, 10));
    assertThat(EstadoDetalle.of(script.state("S-1")))
        .isEqualTo("Disponible - ARM completado, SOLD pendiente");
    script.tomar("S-1", MARIA, Operacion.SOLD, T.plusSeconds(120));
    assertThat(EstadoDetalle.of(script.state("S-1")))
        .isEqualTo("MS(7) trabajando SOLD (ARM completado, SOLD en progreso)");
  }

  @Test
  void cancelledOperationIsPendienteAgain() {
    script.tomar("S-1", JUAN, Operacion.ARM, T);
    script.cancelar("S-1", T.plusSeconds(60));
    assertThat(EstadoDetalle.of(script.state("S-1")))
        .isEqualTo("Disponible - ARM pendiente, SOLD pendiente");
  }

  @Test
  void expiredAndReleasedOccupationsLeaveTheWorkPaused() {
    script.tomar("S-1", JUAN, Operacion.ARM, T);
    script.expirar("S-1", T.plusSeconds(60));
    assertThat(EstadoDetalle.of(script.state("S-1")))
        .isEqualTo("Disponible - ARM pausado, SOLD pendiente");
    script.tomar("S-2", JUAN, Operacion.ARM, T);
    script.liberar("S-2", T.plusSeconds(60), "admin@zeues", "olvidado");
    assertThat(EstadoDetalle.of(script.state("S-2")))
        .isEqualTo("Disponible - ARM pausado, SOLD pendiente");
  }
}
