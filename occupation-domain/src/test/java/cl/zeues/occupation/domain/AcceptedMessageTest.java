package cl.zeues.occupation.domain;

import static cl.zeues.occupation.domain.Commands.JUAN;
import static cl.zeues.occupation.domain.Commands.T0;
import static cl.zeues.occupation.domain.Commands.cancelar;
import static cl.zeues.occupation.domain.Commands.completar;
import static cl.zeues.occupation.domain.Commands.hoursLater;
import static cl.zeues.occupation.domain.Commands.liberar;
import static cl.zeues.occupation.domain.Commands.pausar;
import static cl.zeues.occupation.domain.Commands.tomar;
import static cl.zeues.occupation.domain.SpoolScenario.TAG;
import static cl.zeues.occupation.domain.SpoolScenario.given;
import static cl.zeues.occupation.events.Operacion.ARM;
import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationCommand;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The tablet's sentence depends on the events alone, so a reply rebuilt from the log matches. */
class AcceptedMessageTest {

  @Test
  void eachAcceptedDecisionIsDescribedByItsLastEvent() {
    assertThat(message(given(), tomar(JUAN, ARM), T0))
        .isEqualTo("Spool " + TAG + " tomado por " + JUAN.token());
    assertThat(message(given().accepted(tomar(JUAN, ARM), T0), pausar(JUAN, ARM), T0))
        .isEqualTo("Trabajo ARM pausado en spool " + TAG);
    assertThat(message(given().accepted(tomar(JUAN, ARM), T0), completar(JUAN, ARM, null), T0))
        .isEqualTo("ARM completado en spool " + TAG);
    assertThat(message(given().accepted(tomar(JUAN, ARM), T0), cancelar(JUAN, ARM), T0))
        .isEqualTo("ARM cancelado en spool " + TAG + "; vuelve a pendiente");
    assertThat(message(given().accepted(tomar(JUAN, ARM), T0), liberar(), T0))
        .startsWith("Spool " + TAG + " liberado por ")
        .endsWith("; ocupación de " + JUAN.token() + " terminada");
  }

  @Test
  void aTakeThatFirstExpiresALapsedLeaseIsDescribedAsTheTake() {
    var scenario = given().accepted(tomar(JUAN, ARM), T0).when(tomar(JUAN, ARM), hoursLater(13));

    var accepted = (Decision.Accepted) scenario.decision();

    assertThat(accepted.events()).hasSize(2);
    assertThat(accepted.message()).isEqualTo("Spool " + TAG + " tomado por " + JUAN.token());
    assertThat(Decision.Accepted.describe(accepted.events())).isEqualTo(accepted.message());
  }

  private static String message(SpoolScenario scenario, OccupationCommand command, Instant at) {
    return Decision.Accepted.describe(scenario.when(command, at).thenEvents());
  }
}
