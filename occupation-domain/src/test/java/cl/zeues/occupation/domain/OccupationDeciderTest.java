package cl.zeues.occupation.domain;

import static cl.zeues.occupation.domain.Commands.ANA;
import static cl.zeues.occupation.domain.Commands.JUAN;
import static cl.zeues.occupation.domain.Commands.T0;
import static cl.zeues.occupation.domain.Commands.cancelar;
import static cl.zeues.occupation.domain.Commands.completar;
import static cl.zeues.occupation.domain.Commands.expirar;
import static cl.zeues.occupation.domain.Commands.hoursLater;
import static cl.zeues.occupation.domain.Commands.liberar;
import static cl.zeues.occupation.domain.Commands.pausar;
import static cl.zeues.occupation.domain.Commands.tomar;
import static cl.zeues.occupation.domain.SpoolScenario.MATERIALES;
import static cl.zeues.occupation.domain.SpoolScenario.given;
import static cl.zeues.occupation.events.Operacion.ARM;
import static cl.zeues.occupation.events.Operacion.METROLOGIA;
import static cl.zeues.occupation.events.Operacion.REPARACION;
import static cl.zeues.occupation.events.Operacion.SOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.events.EventChain;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.OcupacionExpirada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionLiberada;
import cl.zeues.occupation.events.OccupationEvent.SpoolCancelado;
import cl.zeues.occupation.events.OccupationEvent.SpoolCompletado;
import cl.zeues.occupation.events.OccupationEvent.SpoolPausado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import cl.zeues.occupation.events.RejectionReason;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OccupationDeciderTest {

  @Nested
  class Tomar {

    @Test
    void tomarFreeSpoolRecordsSpoolTomadoWithTheFactsUsed() {
      var command = tomar(JUAN, ARM);

      var events = given().when(command, T0).thenEvents();

      assertThat(events).singleElement().isInstanceOf(SpoolTomado.class);
      var tomado = (SpoolTomado) events.getFirst();
      assertThat(tomado.version()).isEqualTo(1);
      assertThat(tomado.worker()).isEqualTo(JUAN);
      assertThat(tomado.occupationId()).isEqualTo(command.commandId());
      assertThat(tomado.occurredAt()).isEqualTo(T0);
      assertThat(tomado.leaseUntil()).isEqualTo(T0.plus(Duration.ofHours(12)));
      assertThat(tomado.fechaMateriales()).isEqualTo(MATERIALES);
      assertThat(tomado.reanudacion()).isFalse();
    }

    @Test
    void tomarWritesTheTakerAsArmadorAndOccupies() {
      var state = given().when(tomar(JUAN, ARM), T0).thenState();

      assertThat(state.occupation()).isNotNull();
      assertThat(state.occupation().worker()).isEqualTo(JUAN);
      assertThat(state.arm().estado()).isEqualTo(Estado.EN_PROGRESO);
      assertThat(state.arm().trabajador()).isEqualTo("JP(94)");
    }

    @Test
    void tomarUnknownSpoolIsNotFound() {
      given()
          .notInCatalog()
          .when(tomar(JUAN, ARM), T0)
          .thenRejected(RejectionReason.SPOOL_NO_ENCONTRADO);
    }

    @Test
    void tomarWithoutFechaMaterialesIsRejected() {
      var rejected =
          given()
              .catalog(null)
              .when(tomar(JUAN, ARM), T0)
              .thenRejected(RejectionReason.DEPENDENCIAS_NO_SATISFECHAS);

      assertThat(rejected.message()).contains("Fecha_Materiales");
    }

    @Test
    void tomarOccupiedSpoolIsRejectedNamingTheOccupant() {
      var rejected =
          given()
              .accepted(tomar(JUAN, ARM), T0)
              .when(tomar(ANA, ARM), hoursLater(1))
              .thenRejected(RejectionReason.SPOOL_OCCUPIED);

      assertThat(rejected.ocupadoPor()).isEqualTo("JP(94)");
      assertThat(rejected.message()).contains("JP(94)");
    }

    @Test
    void tomarBySameOccupantAgainIsStillOccupied() {
      given()
          .accepted(tomar(JUAN, ARM), T0)
          .when(tomar(JUAN, SOLD), hoursLater(1))
          .thenRejected(RejectionReason.SPOOL_OCCUPIED);
    }

    @Test
    void tomarSoldBeforeArmInitiatedIsRejected() {
      var rejected =
          given()
              .when(tomar(JUAN, SOLD), T0)
              .thenRejected(RejectionReason.DEPENDENCIAS_NO_SATISFECHAS);

      assertThat(rejected.message()).contains("ARM");
    }

    @Test
    void tomarSoldOnceArmInitiatedIsAccepted() {
      var events =
          given()
              .accepted(tomar(JUAN, ARM), T0)
              .accepted(pausar(JUAN, ARM), hoursLater(1))
              .when(tomar(ANA, SOLD), hoursLater(2))
              .thenEvents();

      var tomado = (SpoolTomado) events.getFirst();
      assertThat(tomado.armador()).isEqualTo("JP(94)");
      assertThat(tomado.version()).isEqualTo(3);
    }

    @Test
    void tomarCompletedOperationIsRejected() {
      given()
          .accepted(tomar(JUAN, ARM), T0)
          .accepted(completar(JUAN, ARM, null), hoursLater(1))
          .when(tomar(ANA, ARM), hoursLater(2))
          .thenRejected(RejectionReason.OPERACION_YA_COMPLETADA);
    }

    @Test
    void resumingPausedWorkKeepsTheFirstArmador() {
      var scenario =
          given()
              .accepted(tomar(JUAN, ARM), T0)
              .accepted(pausar(JUAN, null), hoursLater(1))
              .when(tomar(ANA, ARM), hoursLater(2));

      var tomado = (SpoolTomado) scenario.thenEvents().getFirst();
      var state = scenario.thenState();
      assertThat(tomado.reanudacion()).isTrue();
      assertThat(state.occupation().worker()).isEqualTo(ANA);
      assertThat(state.arm().trabajador()).isEqualTo("JP(94)");
    }

    @Test
    void tomarOnLapsedLeaseRecordsTheExpiryFirstThenTheTake() {
      var first = tomar(JUAN, ARM);
      var scenario = given().accepted(first, T0).when(tomar(ANA, ARM), hoursLater(13));

      var events = scenario.thenEvents();
      assertThat(events).hasSize(2);
      var expiry = (OcupacionExpirada) events.get(0);
      assertThat(expiry.worker()).isEqualTo(JUAN);
      assertThat(expiry.occupationId()).isEqualTo(first.commandId());
      assertThat(expiry.version()).isEqualTo(2);
      var take = (SpoolTomado) events.get(1);
      assertThat(take.worker()).isEqualTo(ANA);
      assertThat(take.version()).isEqualTo(3);
      assertThat(take.reanudacion()).isTrue();
      assertThat(events).extracting(OccupationEvent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void tomarJustBeforeTheLeaseEndsIsStillOccupied() {
      given()
          .accepted(tomar(JUAN, ARM), T0)
          .when(tomar(ANA, ARM), T0.plus(Duration.ofHours(12)).minusMillis(1))
          .thenRejected(RejectionReason.SPOOL_OCCUPIED);
    }

    @Test
    void metrologiaIsInstantSoItCannotBeTaken() {
      given()
          .when(tomar(JUAN, METROLOGIA), T0)
          .thenRejected(RejectionReason.OPERACION_NO_SOPORTADA);
    }

    @Test
    void reparacionNeedsARejectedSpool() {
      given()
          .when(tomar(JUAN, REPARACION), T0)
          .thenRejected(RejectionReason.DEPENDENCIAS_NO_SATISFECHAS);
    }
  }

  @Nested
  class Pausar {

    @Test
    void pausarByTheOccupantFreesTheSpoolAndKeepsTheWorkPartial() {
      var scenario = given().accepted(tomar(JUAN, ARM), T0).when(pausar(JUAN, ARM), hoursLater(2));

      var pausado = (SpoolPausado) scenario.thenEvents().getFirst();
      var state = scenario.thenState();
      assertThat(pausado.ocupadoDesde()).isEqualTo(T0);
      assertThat(state.occupation()).isNull();
      assertThat(state.arm().estado()).isEqualTo(Estado.PAUSADO);
      assertThat(state.arm().trabajador()).isEqualTo("JP(94)");
    }

    @Test
    void pausarWithoutOperacionMeansTheOccupiedOne() {
      var events = given().accepted(tomar(JUAN, ARM), T0).when(pausar(JUAN, null), T0).thenEvents();

      assertThat(events.getFirst().operacion()).isEqualTo(ARM);
    }

    @Test
    void pausarByNonOwnerIsForbiddenAndTheOccupationStays() {
      var rejected =
          given()
              .accepted(tomar(JUAN, ARM), T0)
              .when(pausar(ANA, ARM), hoursLater(1))
              .thenRejected(RejectionReason.NO_AUTORIZADO);

      assertThat(rejected.ocupadoPor()).isEqualTo("JP(94)");
    }

    @Test
    void pausarAFreeSpoolIsForbiddenBecauseOnlyAnOccupantMayPause() {
      given().when(pausar(JUAN, ARM), T0).thenRejected(RejectionReason.NO_AUTORIZADO);
    }

    @Test
    void aNonOwnerGetsTheSameAnswerJustAfterTheOwnersPause() {
      given()
          .accepted(tomar(JUAN, ARM), T0)
          .accepted(pausar(JUAN, ARM), T0)
          .when(pausar(ANA, ARM), T0)
          .thenRejected(RejectionReason.NO_AUTORIZADO);
    }

    @Test
    void pausarAnotherOperationThanTheOccupiedOneIsRejected() {
      given()
          .accepted(tomar(JUAN, ARM), T0)
          .when(pausar(JUAN, SOLD), T0)
          .thenRejected(RejectionReason.OPERACION_NO_INICIADA);
    }

    @Test
    void pausarAfterTheLeaseExpiredIsLockExpired() {
      var take = tomar(JUAN, ARM);
      given()
          .accepted(take, T0)
          .accepted(expirar(take.commandId()), hoursLater(12))
          .when(pausar(JUAN, ARM), hoursLater(13))
          .thenRejected(RejectionReason.LOCK_EXPIRED);
    }

    @Test
    void pausarAfterAnAdminReleaseIsLockExpired() {
      var rejected =
          given()
              .accepted(tomar(JUAN, ARM), T0)
              .accepted(liberar(), hoursLater(1))
              .when(pausar(JUAN, ARM), hoursLater(2))
              .thenRejected(RejectionReason.LOCK_EXPIRED);

      assertThat(rejected.message()).contains("administrador");
    }

    @Test
    void anotherWorkerAfterAnExpiryIsForbiddenNotLockExpired() {
      var take = tomar(JUAN, ARM);
      given()
          .accepted(take, T0)
          .accepted(expirar(take.commandId()), hoursLater(12))
          .when(pausar(ANA, ARM), hoursLater(13))
          .thenRejected(RejectionReason.NO_AUTORIZADO);
    }

    @Test
    void pausarByTheOccupantOnALapsedButNotYetExpiredLeaseIsHonoured() {
      given().accepted(tomar(JUAN, ARM), T0).when(pausar(JUAN, ARM), hoursLater(13)).thenEvents();
    }
  }

  @Nested
  class Completar {

    @Test
    void completarArmWritesTodayInSantiagoAsFechaArmado() {
      // 02:00 UTC on the 28th is still the 27th in Santiago (UTC-3 in November)
      var at = java.time.Instant.parse("2026-11-28T02:00:00Z");
      var scenario = given().accepted(tomar(JUAN, ARM), T0).when(completar(JUAN, null, null), at);

      var completado = (SpoolCompletado) scenario.thenEvents().getFirst();
      var state = scenario.thenState();
      assertThat(completado.fechaOperacion()).isEqualTo(LocalDate.parse("2026-11-27"));
      assertThat(state.arm().estado()).isEqualTo(Estado.COMPLETADO);
      assertThat(state.arm().fecha()).isEqualTo(LocalDate.parse("2026-11-27"));
      assertThat(state.sold().fecha()).isNull();
      assertThat(state.occupation()).isNull();
    }

    @Test
    void completarSoldWritesTheGivenDateAsFechaSoldadura() {
      var state =
          given()
              .accepted(tomar(JUAN, ARM), T0)
              .accepted(completar(JUAN, ARM, null), hoursLater(1))
              .accepted(tomar(ANA, SOLD), hoursLater(2))
              .when(completar(ANA, SOLD, LocalDate.parse("2026-11-25")), hoursLater(3))
              .thenState();

      assertThat(state.sold().fecha()).isEqualTo(LocalDate.parse("2026-11-25"));
      assertThat(state.sold().trabajador()).isEqualTo("AB(12)");
      assertThat(state.arm().estado()).isEqualTo(Estado.COMPLETADO);
    }

    @Test
    void completarByNonOwnerIsForbidden() {
      given()
          .accepted(tomar(JUAN, ARM), T0)
          .when(completar(ANA, ARM, null), T0)
          .thenRejected(RejectionReason.NO_AUTORIZADO);
    }
  }

  @Nested
  class Cancelar {

    @Test
    void cancelarReturnsTheOperationToPendienteAndClearsArmador() {
      var scenario = given().accepted(tomar(JUAN, ARM), T0).when(cancelar(JUAN, null), T0);

      assertThat(scenario.thenEvents().getFirst()).isInstanceOf(SpoolCancelado.class);
      var state = scenario.thenState();
      assertThat(state.arm()).isEqualTo(OperationProgress.PENDIENTE);
      assertThat(state.occupation()).isNull();
    }

    @Test
    void cancelarByNonOwnerIsForbidden() {
      given()
          .accepted(tomar(JUAN, ARM), T0)
          .when(cancelar(ANA, ARM), T0)
          .thenRejected(RejectionReason.NO_AUTORIZADO);
    }

    @Test
    void cancelarArmOnceSoldStartedIsRejected() {
      given()
          .accepted(tomar(JUAN, ARM), T0)
          .accepted(pausar(JUAN, ARM), T0)
          .accepted(tomar(ANA, SOLD), T0)
          .accepted(pausar(ANA, SOLD), T0)
          .accepted(tomar(JUAN, ARM), T0)
          .when(cancelar(JUAN, ARM), T0)
          .thenRejected(RejectionReason.DEPENDENCIAS_NO_SATISFECHAS);
    }
  }

  @Nested
  class LeaseExpiryAndForceRelease {

    @Test
    void expiryOfTheCurrentLapsedOccupationIsRecorded() {
      var take = tomar(JUAN, ARM);
      var scenario = given().accepted(take, T0).when(expirar(take.commandId()), hoursLater(12));

      var expiry = (OcupacionExpirada) scenario.thenEvents().getFirst();
      assertThat(expiry.worker()).isEqualTo(JUAN);
      assertThat(expiry.leaseUntil()).isEqualTo(hoursLater(12));
      assertThat(scenario.thenState().arm().estado()).isEqualTo(Estado.PAUSADO);
    }

    @Test
    void expiryBeforeTheLeaseEndsHasNoEffect() {
      var take = tomar(JUAN, ARM);
      given()
          .accepted(take, T0)
          .when(expirar(take.commandId()), hoursLater(11))
          .thenRejected(RejectionReason.SIN_EFECTO);
    }

    @Test
    void expiryOfAnOccupationThatAlreadyEndedHasNoEffect() {
      var take = tomar(JUAN, ARM);
      given()
          .accepted(take, T0)
          .accepted(pausar(JUAN, ARM), hoursLater(1))
          .accepted(tomar(ANA, ARM), hoursLater(2))
          .when(expirar(take.commandId()), hoursLater(20))
          .thenRejected(RejectionReason.SIN_EFECTO);
    }

    @Test
    void forceReleaseNamesTheAdminAndTheWorkerWhoLostTheSpool() {
      var scenario = given().accepted(tomar(JUAN, ARM), T0).when(liberar(), hoursLater(1));

      var liberada = (OcupacionLiberada) scenario.thenEvents().getFirst();
      assertThat(liberada.admin()).isEqualTo("admin");
      assertThat(liberada.worker()).isEqualTo(JUAN);
      assertThat(scenario.thenState().occupation()).isNull();
    }

    @Test
    void forceReleaseOfAFreeSpoolIsRejected() {
      given().when(liberar(), T0).thenRejected(RejectionReason.OPERACION_NO_INICIADA);
    }
  }

  @Nested
  class Invariants {

    @Test
    void versionsRunOneTwoThreeWithoutGaps() {
      var scenario =
          given()
              .accepted(tomar(JUAN, ARM), T0)
              .accepted(pausar(JUAN, ARM), T0)
              .accepted(tomar(ANA, ARM), T0)
              .accepted(completar(ANA, ARM, null), T0)
              .accepted(tomar(JUAN, SOLD), T0);

      assertThat(scenario.history())
          .extracting(OccupationEvent::version)
          .containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(scenario.state().version()).isEqualTo(5);
    }

    @Test
    void theSameCommandOnTheSameStateGivesTheSameEvents() {
      var decider = new OccupationDecider(OccupationPolicy.DEFAULT);
      OccupationCommand command = tomar(JUAN, ARM);
      var state = SpoolState.initial(SpoolScenario.TAG);
      var catalog = new cl.zeues.occupation.events.SpoolCatalogEntry(SpoolScenario.TAG, MATERIALES);

      assertThat(decider.decide(state, command, catalog, T0))
          .isEqualTo(decider.decide(state, command, catalog, T0));
    }

    @Test
    void evolveRefusesAVersionGap() {
      var event =
          new SpoolPausado(
              UUID.randomUUID(),
              UUID.randomUUID(),
              SpoolScenario.TAG,
              3,
              JUAN,
              ARM,
              UUID.randomUUID(),
              T0,
              T0,
              null);

      assertThatThrownBy(() -> SpoolState.initial(SpoolScenario.TAG).evolve(event))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("expected 1");
    }

    @Test
    void everyEventOfADecisionRecordsTheDeviceThatSentTheCommand() {
      var first = tomar(JUAN, ARM);
      var scenario =
          given()
              .accepted(first, T0)
              .when(tomar(ANA, ARM).withDispositivo("tablet-7"), hoursLater(13));

      assertThat(scenario.thenEvents())
          .hasSize(2)
          .extracting(OccupationEvent::dispositivo)
          .containsOnly("tablet-7");
    }

    @Test
    void aCommandWithoutDeviceDecidesEventsWithoutOne() {
      assertThat(given().when(tomar(JUAN, ARM), T0).thenEvents())
          .extracting(OccupationEvent::dispositivo)
          .containsOnlyNulls();
    }

    @Test
    void evolveLeavesTheLastHashUnknownForWhoeverHoldsTheBytes() {
      var scenario = given().accepted(tomar(JUAN, ARM), T0).when(pausar(JUAN, ARM), T0);
      var chained = scenario.state().chainedTo("ab".repeat(32));

      assertThat(SpoolState.initial(SpoolScenario.TAG).chainHead()).isEqualTo(EventChain.GENESIS);
      assertThat(scenario.state().chainHead()).isNull();
      assertThat(chained.chainHead()).isEqualTo("ab".repeat(32));
      assertThat(chained.evolve(scenario.thenEvents().getFirst()).chainHead()).isNull();
    }

    @Test
    void replayFoldsTheLogIntoTheSameStateAsDeciding() {
      var scenario =
          given()
              .accepted(tomar(JUAN, ARM), T0)
              .accepted(pausar(JUAN, ARM), T0)
              .accepted(tomar(ANA, ARM), T0);

      assertThat(SpoolState.replay(SpoolScenario.TAG, scenario.history()))
          .isEqualTo(scenario.state());
    }
  }
}
