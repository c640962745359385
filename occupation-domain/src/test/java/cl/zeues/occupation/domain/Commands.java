package cl.zeues.occupation.domain;

import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Short constructors for test commands on {@link SpoolScenario#TAG}. */
final class Commands {

  static final Worker JUAN = Worker.of(94, "Juan Perez");
  static final Worker ANA = Worker.of(12, "Ana Bravo");
  static final Worker MARIA = Worker.of(93, "Maria Rojas");
  static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

  private Commands() {}

  static Instant hoursLater(long hours) {
    return T0.plusSeconds(hours * 3600);
  }

  static OccupationCommand.Tomar tomar(Worker w, Operacion op) {
    return new OccupationCommand.Tomar(UUID.randomUUID(), SpoolScenario.TAG, w, op, T0);
  }

  static OccupationCommand.Pausar pausar(Worker w, @Nullable Operacion op) {
    return new OccupationCommand.Pausar(UUID.randomUUID(), SpoolScenario.TAG, w, op, T0);
  }

  static OccupationCommand.Completar completar(
      Worker w, @Nullable Operacion op, @Nullable LocalDate fecha) {
    return new OccupationCommand.Completar(UUID.randomUUID(), SpoolScenario.TAG, w, op, fecha, T0);
  }

  static OccupationCommand.Cancelar cancelar(Worker w, @Nullable Operacion op) {
    return new OccupationCommand.Cancelar(UUID.randomUUID(), SpoolScenario.TAG, w, op, T0);
  }

  static OccupationCommand.ExpirarOcupacion expirar(UUID occupationId) {
    return new OccupationCommand.ExpirarOcupacion(
        UUID.randomUUID(), SpoolScenario.TAG, occupationId, T0);
  }

  static OccupationCommand.CompletarMetrologia metrologia(Worker w, Resultado resultado) {
    return new OccupationCommand.CompletarMetrologia(
        UUID.randomUUID(), SpoolScenario.TAG, w, resultado, null, T0);
  }

  static OccupationCommand.DesbloquearSpool desbloquear() {
    return new OccupationCommand.DesbloquearSpool(
        UUID.randomUUID(), SpoolScenario.TAG, "supervisora", "revisado en terreno", T0);
  }

  static OccupationCommand.LiberarOcupacion liberar() {
    return new OccupationCommand.LiberarOcupacion(
        UUID.randomUUID(), SpoolScenario.TAG, "admin", "fin de turno", T0);
  }
}
