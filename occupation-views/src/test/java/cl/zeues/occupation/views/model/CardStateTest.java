package cl.zeues.occupation.views.model;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.domain.Calidad;
import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.EstadoCalidad;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.OperationProgress;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.views.model.CardState.EstadoTrabajo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CardStateTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2026-12-02");
  private static final OperationProgress DONE =
      new OperationProgress(Estado.COMPLETADO, "MR(93)", DAY);
  private static final OperationProgress PAUSED =
      new OperationProgress(Estado.PAUSADO, "MR(93)", null);
  private static final OperationProgress PENDING = OperationProgress.PENDIENTE;

  @Test
  void aNewSpoolIsFree() {
    assertThat(CardState.of(SpoolState.initial("TEST-02")))
        .isEqualTo(new CardState(EstadoTrabajo.LIBRE, null, null));
  }

  @Test
  void aHeldSpoolIsInProgressForTheOperationHeld() {
    assertThat(CardState.of(state(held(Operacion.SOLD), DONE, PENDING, PENDING, Calidad.PENDIENTE)))
        .isEqualTo(new CardState(EstadoTrabajo.EN_PROGRESO, Operacion.SOLD, null));
  }

  @Test
  void aPausedOperationOnAFreeSpoolShowsAsPausedNotFree() {
    assertThat(CardState.of(state(null, PAUSED, PENDING, PENDING, Calidad.PENDIENTE)))
        .isEqualTo(new CardState(EstadoTrabajo.PAUSADO, Operacion.ARM, null));
    assertThat(CardState.of(state(null, DONE, PAUSED, PENDING, Calidad.PENDIENTE)))
        .isEqualTo(new CardState(EstadoTrabajo.PAUSADO, Operacion.SOLD, null));
  }

  @Test
  void armAndSoldCompletedAwaitMetrology() {
    assertThat(CardState.of(state(null, DONE, DONE, PENDING, Calidad.PENDIENTE)).estadoTrabajo())
        .isEqualTo(EstadoTrabajo.PENDIENTE_METROLOGIA);
  }

  @Test
  void anApprovedSpoolIsCompleted() {
    Calidad aprobado = new Calidad(EstadoCalidad.APROBADO, 0, DAY);
    assertThat(CardState.of(state(null, DONE, DONE, PENDING, aprobado)))
        .isEqualTo(new CardState(EstadoTrabajo.COMPLETADO, null, null));
  }

  @Test
  void aRejectedSpoolCarriesItsCycleAndAPausedRepair() {
    Calidad rechazado = new Calidad(EstadoCalidad.RECHAZADO, 2, null);
    assertThat(CardState.of(state(null, DONE, DONE, PENDING, rechazado)))
        .isEqualTo(new CardState(EstadoTrabajo.RECHAZADO, null, 2));
    assertThat(CardState.of(state(null, DONE, DONE, PAUSED, rechazado)))
        .isEqualTo(new CardState(EstadoTrabajo.RECHAZADO, Operacion.REPARACION, 2));
  }

  @Test
  void aRepairInProgressCarriesItsCycle() {
    Calidad rechazado = new Calidad(EstadoCalidad.RECHAZADO, 1, null);
    assertThat(CardState.of(state(held(Operacion.REPARACION), DONE, DONE, PENDING, rechazado)))
        .isEqualTo(new CardState(EstadoTrabajo.EN_PROGRESO, Operacion.REPARACION, 1));
  }

  @Test
  void aBlockedSpoolIsBlockedWhateverElseItsStateSays() {
    Calidad bloqueado = new Calidad(EstadoCalidad.BLOQUEADO, 3, null);
    assertThat(CardState.of(state(null, DONE, DONE, PAUSED, bloqueado)))
        .isEqualTo(new CardState(EstadoTrabajo.BLOQUEADO, null, 3));
  }

  @Test
  void aRepairedSpoolWaitsForMetrologyAgain() {
    Calidad vuelta = new Calidad(EstadoCalidad.PENDIENTE_METROLOGIA, 1, null);
    assertThat(CardState.of(state(null, DONE, DONE, DONE, vuelta)).estadoTrabajo())
        .isEqualTo(EstadoTrabajo.PENDIENTE_METROLOGIA);
  }

  private static Occupation held(Operacion operacion) {
    return new Occupation(
        UUID.randomUUID(),
        new Worker(93, "María", "MR(93)"),
        operacion,
        NOW,
        NOW.plusSeconds(3600));
  }

  private static SpoolState state(
      @Nullable Occupation occupation,
      OperationProgress arm,
      OperationProgress sold,
      OperationProgress reparacion,
      Calidad calidad) {
    return new SpoolState("TEST-02", 5, occupation, arm, sold, null, reparacion, calidad, null);
  }
}
