package cl.zeues.occupation.views.model;

import cl.zeues.occupation.domain.Calidad;
import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.EstadoCalidad;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.Operacion;
import org.jspecify.annotations.Nullable;

/**
 * The card state a tablet draws for a spool (domain-facts 2.1 and 2.8, the earlier system's v5
 * {@code estado_trabajo}, {@code operacion_actual} and {@code ciclo_rep}), derived from the
 * domain's state rather than parsed out of {@code Estado_Detalle} text as the earlier system did.
 *
 * <p>The rules, first match wins: {@code BLOQUEADO}; {@code RECHAZADO} while a rejected spool is
 * free (its repair not taken, or paused); {@code EN_PROGRESO} while someone holds it (REPARACION
 * included); {@code PENDIENTE_METROLOGIA} when ARM and SOLD are completed and metrology has not
 * approved it; {@code COMPLETADO} when approved; {@code PAUSADO} when a free spool has an operation
 * paused (the earlier system declared this value but showed such spools as {@code LIBRE}, a
 * confusion its own tracker recorded, T-138); {@code LIBRE} otherwise.
 *
 * @param operacionActual the operation in progress, null unless {@code EN_PROGRESO} or paused
 * @param cicloRep the repair cycle (1..3) while the spool is in the repair loop, else null
 */
public record CardState(
    EstadoTrabajo estadoTrabajo, @Nullable Operacion operacionActual, @Nullable Integer cicloRep) {

  /** {@code estado_trabajo}'s values, as the tablets' code declares them. */
  public enum EstadoTrabajo {
    LIBRE,
    EN_PROGRESO,
    PAUSADO,
    COMPLETADO,
    RECHAZADO,
    BLOQUEADO,
    PENDIENTE_METROLOGIA
  }

  public static CardState of(SpoolState state) {
    Calidad calidad = state.calidad();
    Occupation occupation = state.occupation();
    Integer ciclo = calidad.ciclo() > 0 ? calidad.ciclo() : null;
    if (calidad.estado() == EstadoCalidad.BLOQUEADO) {
      return new CardState(EstadoTrabajo.BLOQUEADO, null, ciclo);
    }
    if (occupation != null) {
      Operacion operacion = occupation.operacion();
      return new CardState(
          EstadoTrabajo.EN_PROGRESO, operacion, operacion == Operacion.REPARACION ? ciclo : null);
    }
    if (calidad.estado() == EstadoCalidad.RECHAZADO) {
      return new CardState(EstadoTrabajo.RECHAZADO, pausedRepair(state), ciclo);
    }
    if (calidad.estado() == EstadoCalidad.APROBADO) {
      return new CardState(EstadoTrabajo.COMPLETADO, null, null);
    }
    boolean armSoldDone =
        state.arm().estado() == Estado.COMPLETADO && state.sold().estado() == Estado.COMPLETADO;
    if (calidad.estado() == EstadoCalidad.PENDIENTE_METROLOGIA || armSoldDone) {
      return new CardState(EstadoTrabajo.PENDIENTE_METROLOGIA, null, null);
    }
    Operacion paused = pausedOperation(state);
    return paused == null
        ? new CardState(EstadoTrabajo.LIBRE, null, null)
        : new CardState(EstadoTrabajo.PAUSADO, paused, null);
  }

  private static @Nullable Operacion pausedRepair(SpoolState state) {
    return state.reparacion().estado() == Estado.PAUSADO ? Operacion.REPARACION : null;
  }

  private static @Nullable Operacion pausedOperation(SpoolState state) {
    if (state.sold().estado() == Estado.PAUSADO) {
      return Operacion.SOLD;
    }
    return state.arm().estado() == Estado.PAUSADO ? Operacion.ARM : null;
  }
}
