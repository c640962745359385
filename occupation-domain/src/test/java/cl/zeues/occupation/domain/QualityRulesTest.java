package cl.zeues.occupation.domain;

import static cl.zeues.occupation.domain.Commands.ANA;
import static cl.zeues.occupation.domain.Commands.JUAN;
import static cl.zeues.occupation.domain.Commands.MARIA;
import static cl.zeues.occupation.domain.Commands.T0;
import static cl.zeues.occupation.domain.Commands.cancelar;
import static cl.zeues.occupation.domain.Commands.completar;
import static cl.zeues.occupation.domain.Commands.desbloquear;
import static cl.zeues.occupation.domain.Commands.expirar;
import static cl.zeues.occupation.domain.Commands.hoursLater;
import static cl.zeues.occupation.domain.Commands.metrologia;
import static cl.zeues.occupation.domain.Commands.pausar;
import static cl.zeues.occupation.domain.Commands.tomar;
import static cl.zeues.occupation.domain.SpoolScenario.given;
import static cl.zeues.occupation.events.Operacion.ARM;
import static cl.zeues.occupation.events.Operacion.METROLOGIA;
import static cl.zeues.occupation.events.Operacion.REPARACION;
import static cl.zeues.occupation.events.Operacion.SOLD;
import static cl.zeues.occupation.events.Resultado.APROBADO;
import static cl.zeues.occupation.events.Resultado.RECHAZADO;
import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationEvent.MetrologiaCompletada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionExpirada;
import cl.zeues.occupation.events.OccupationEvent.SpoolCompletado;
import cl.zeues.occupation.events.OccupationEvent.SpoolDesbloqueado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.Worker;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Metrology and the repair loop (domain-facts 2.5 and 2.6), given/when/then. */
class QualityRulesTest {

  /** ARM and SOLD completed: the spool waits for metrology. */
  static SpoolScenario welded() {
    return given()
        .accepted(tomar(JUAN, ARM), T0)
        .accepted(completar(JUAN, ARM, null), T0)
        .accepted(tomar(ANA, SOLD), T0)
        .accepted(completar(ANA, SOLD, null), T0);
  }

  static SpoolScenario rejected(int times) {
    SpoolScenario spool = welded().accepted(metrologia(MARIA, RECHAZADO), T0);
    for (int i = 1; i < times; i++) {
      spool
          .accepted(tomar(JUAN, REPARACION), T0)
          .accepted(completar(JUAN, REPARACION, null), T0)
          .accepted(metrologia(MARIA, RECHAZADO), T0);
    }
    return spool;
  }

  @Nested
  class Metrologia {

    @Test
    void metrologiaBeforeSoldIsCompletedIsRejected() {
      given()
          .accepted(tomar(JUAN, ARM), T0)
          .accepted(completar(JUAN, ARM, null), T0)
          .when(metrologia(MARIA, APROBADO), T0)
          .thenRejected(RejectionReason.DEPENDENCIAS_NO_SATISFECHAS);
    }

    @Test
    void aprobadoWritesTheQcDateAndTheApprovedText() {
      var spool = welded().when(metrologia(MARIA, APROBADO), T0);

      var event = (MetrologiaCompletada) spool.thenEvents().getLast();
      assertThat(event.operacion()).isEqualTo(METROLOGIA);
      assertThat(event.worker()).isEqualTo(MARIA);
      assertThat(event.ciclo()).isZero();
      assertThat(event.fechaOperacion()).isEqualTo(LocalDate.parse("2026-11-27"));
      var state = spool.thenState();
      assertThat(state.calidad())
          .isEqualTo(new Calidad(EstadoCalidad.APROBADO, 0, LocalDate.parse("2026-11-27")));
      assertThat(state.isOccupied()).isFalse();
      assertThat(EstadoDetalle.of(state)).isEqualTo("METROLOGIA APROBADO ✓");
    }

    @Test
    void anApprovedSpoolIsNotInspectedAgain() {
      welded()
          .accepted(metrologia(MARIA, APROBADO), T0)
          .when(metrologia(MARIA, RECHAZADO), T0)
          .thenRejected(RejectionReason.OPERACION_YA_COMPLETADA);
    }

    @Test
    void rechazadoOpensTheFirstRepairCycleWithoutAQcDate() {
      var state = welded().when(metrologia(MARIA, RECHAZADO), T0).thenState();

      assertThat(state.calidad()).isEqualTo(new Calidad(EstadoCalidad.RECHAZADO, 1, null));
      assertThat(EstadoDetalle.of(state)).isEqualTo("RECHAZADO (Ciclo 1/3) - Pendiente reparación");
    }

    @Test
    void aRejectedSpoolNeedsARepairBeforeTheNextInspection() {
      rejected(1)
          .when(metrologia(MARIA, APROBADO), T0)
          .thenRejected(RejectionReason.OPERACION_YA_COMPLETADA);
    }

    @Test
    void anOccupiedSpoolIsNotInspected() {
      var rejected =
          rejected(1)
              .accepted(tomar(JUAN, REPARACION), T0)
              .when(metrologia(MARIA, APROBADO), T0)
              .thenRejected(RejectionReason.SPOOL_OCCUPIED);

      assertThat(rejected.ocupadoPor()).isEqualTo("JP(94)");
    }

    @Test
    void aLapsedRepairDoesNotHoldMetrologyAsOccupied() {
      rejected(1)
          .accepted(tomar(JUAN, REPARACION), T0)
          .when(metrologia(MARIA, APROBADO), hoursLater(13))
          .thenRejected(RejectionReason.OPERACION_YA_COMPLETADA);
    }

    @Test
    void theThirdConsecutiveRejectionBlocksTheSpool() {
      var spool =
          rejected(2)
              .accepted(tomar(JUAN, REPARACION), T0)
              .accepted(completar(JUAN, REPARACION, null), T0)
              .when(metrologia(MARIA, RECHAZADO), T0);

      var event = (MetrologiaCompletada) spool.thenEvents().getLast();
      assertThat(event.ciclo()).isEqualTo(3);
      assertThat(event.bloquea()).isTrue();
      var state = spool.thenState();
      assertThat(state.calidad().estado()).isEqualTo(EstadoCalidad.BLOQUEADO);
      assertThat(EstadoDetalle.of(state)).isEqualTo("BLOQUEADO - Contactar supervisor");
    }

    @Test
    void aBlockedSpoolIsNeitherInspectedNorRepaired() {
      rejected(3)
          .when(metrologia(MARIA, APROBADO), T0)
          .thenRejected(RejectionReason.SPOOL_BLOQUEADO);
      rejected(3).when(tomar(JUAN, REPARACION), T0).thenRejected(RejectionReason.SPOOL_BLOQUEADO);
    }
  }

  @Nested
  class Reparacion {

    @Test
    void tomarReparacionOnARejectedSpoolOccupiesItWithTheCycle() {
      var spool = rejected(1).when(tomar(JUAN, REPARACION), T0);

      var tomado = (SpoolTomado) spool.thenEvents().getLast();
      assertThat(tomado.operacion()).isEqualTo(REPARACION);
      assertThat(tomado.ciclo()).isEqualTo(1);
      assertThat(tomado.reanudacion()).isFalse();
      var state = spool.thenState();
      assertThat(state.occupation().operacion()).isEqualTo(REPARACION);
      assertThat(state.reparacion().estado()).isEqualTo(Estado.EN_PROGRESO);
      assertThat(EstadoDetalle.of(state)).isEqualTo("EN_REPARACION (Ciclo 1/3) - Ocupado: JP(94)");
    }

    @Test
    void reparacionNeedsARejection() {
      welded()
          .when(tomar(JUAN, REPARACION), T0)
          .thenRejected(RejectionReason.DEPENDENCIAS_NO_SATISFECHAS);
    }

    @Test
    void aSecondRepairerOfAnOccupiedSpoolIsRefused() {
      rejected(1)
          .accepted(tomar(JUAN, REPARACION), T0)
          .when(tomar(ANA, REPARACION), T0)
          .thenRejected(RejectionReason.SPOOL_OCCUPIED);
    }

    @Test
    void pausarLeavesThePausedRepairForAnyoneToResume() {
      var paused =
          rejected(1).accepted(tomar(JUAN, REPARACION), T0).accepted(pausar(JUAN, null), T0);

      assertThat(EstadoDetalle.of(paused.state())).isEqualTo("REPARACION_PAUSADA (Ciclo 1/3)");
      var resumed = (SpoolTomado) paused.when(tomar(ANA, REPARACION), T0).thenEvents().getLast();
      assertThat(resumed.reanudacion()).isTrue();
      assertThat(resumed.ciclo()).isEqualTo(1);
    }

    @Test
    void onlyTheRepairerMayCompleteIt() {
      rejected(1)
          .accepted(tomar(JUAN, REPARACION), T0)
          .when(completar(ANA, REPARACION, null), T0)
          .thenRejected(RejectionReason.NO_AUTORIZADO);
    }

    @Test
    void completarReturnsTheSpoolToMetrologyAndKeepsTheCycle() {
      var spool = rejected(2).accepted(tomar(JUAN, REPARACION), T0);

      var completed = spool.when(completar(JUAN, null, null), T0);

      var event = (SpoolCompletado) completed.thenEvents().getLast();
      assertThat(event.operacion()).isEqualTo(REPARACION);
      assertThat(event.ciclo()).isEqualTo(2);
      var state = completed.thenState();
      assertThat(state.calidad())
          .isEqualTo(new Calidad(EstadoCalidad.PENDIENTE_METROLOGIA, 2, null));
      assertThat(state.reparacion()).isEqualTo(OperationProgress.PENDIENTE);
      assertThat(EstadoDetalle.of(state)).isEqualTo("PENDIENTE_METROLOGIA");
    }

    @Test
    void theKeptCycleMakesTheThirdRejectionReachable() {
      var state = rejected(3).state();

      assertThat(state.calidad()).isEqualTo(new Calidad(EstadoCalidad.BLOQUEADO, 3, null));
    }

    @Test
    void cancelarReturnsTheSpoolToRejected() {
      var state =
          rejected(1)
              .accepted(tomar(JUAN, REPARACION), T0)
              .when(cancelar(JUAN, REPARACION), T0)
              .thenState();

      assertThat(state.calidad().estado()).isEqualTo(EstadoCalidad.RECHAZADO);
      assertThat(state.reparacion()).isEqualTo(OperationProgress.PENDIENTE);
      assertThat(EstadoDetalle.of(state)).isEqualTo("RECHAZADO (Ciclo 1/3) - Pendiente reparación");
    }

    @Test
    void anExpiredRepairIsPausedAndItsRepairerHearsLockExpired() {
      var spool = rejected(1);
      var tomar = tomar(JUAN, REPARACION);
      spool.accepted(tomar, T0).accepted(expirar(tomar.commandId()), hoursLater(13));

      assertThat(spool.history().getLast()).isInstanceOf(OcupacionExpirada.class);
      assertThat(((OcupacionExpirada) spool.history().getLast()).ciclo()).isEqualTo(1);
      assertThat(EstadoDetalle.of(spool.state())).isEqualTo("REPARACION_PAUSADA (Ciclo 1/3)");
      spool
          .when(completar(JUAN, REPARACION, null), hoursLater(13))
          .thenRejected(RejectionReason.LOCK_EXPIRED);
    }
  }

  @Nested
  class Desbloqueo {

    @Test
    void aSupervisorUnblocksARestartedCycleBackToMetrology() {
      var spool = rejected(3).when(desbloquear(), T0);

      var event = (SpoolDesbloqueado) spool.thenEvents().getLast();
      assertThat(event.admin()).isEqualTo("supervisora");
      assertThat(event.worker()).isEqualTo(Worker.supervisor("supervisora"));
      assertThat(event.cicloAnterior()).isEqualTo(3);
      var state = spool.thenState();
      assertThat(state.calidad())
          .isEqualTo(new Calidad(EstadoCalidad.PENDIENTE_METROLOGIA, 0, null));
      assertThat(EstadoDetalle.of(state)).isEqualTo("PENDIENTE_METROLOGIA");
    }

    @Test
    void afterTheUnblockMetrologyMayApprove() {
      var state =
          rejected(3).accepted(desbloquear(), T0).when(metrologia(MARIA, APROBADO), T0).thenState();

      assertThat(state.calidad().estado()).isEqualTo(EstadoCalidad.APROBADO);
    }

    @Test
    void onlyABlockedSpoolIsUnblocked() {
      rejected(2).when(desbloquear(), T0).thenRejected(RejectionReason.SPOOL_NO_BLOQUEADO);
    }
  }

  @Test
  void theReplysEstadoDetalleAndCycleAreTheStatesAfterTheDecision() {
    var spool = rejected(1);
    var commands =
        new cl.zeues.occupation.events.OccupationCommand[] {
          tomar(JUAN, REPARACION),
          pausar(JUAN, null),
          tomar(ANA, REPARACION),
          completar(ANA, null, null),
          metrologia(MARIA, RECHAZADO),
          tomar(JUAN, REPARACION),
          cancelar(JUAN, null),
          tomar(JUAN, REPARACION),
          completar(JUAN, null, null),
          metrologia(MARIA, RECHAZADO),
          desbloquear(),
          metrologia(MARIA, APROBADO)
        };
    for (var command : commands) {
      var decision = (Decision.Accepted) spool.when(command, T0).decision();
      var after = spool.thenState();
      assertThat(decision.estadoDetalle())
          .as("after %s", command)
          .isEqualTo(EstadoDetalle.of(after));
      assertThat(decision.ciclo()).as("after %s", command).isEqualTo(after.calidad().ciclo());
      spool.accepted(command, T0);
    }
  }

  @Test
  void armAndSoldDecisionsLeaveTheReplyWithoutQualityState() {
    var decision = (Decision.Accepted) given().when(tomar(JUAN, ARM), T0).decision();

    assertThat(decision.estadoDetalle()).isNull();
    assertThat(decision.ciclo()).isNull();
  }
}
