package cl.zeues.occupation.domain;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.MetrologiaCompletada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionExpirada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionLiberada;
import cl.zeues.occupation.events.OccupationEvent.SpoolCancelado;
import cl.zeues.occupation.events.OccupationEvent.SpoolCompletado;
import cl.zeues.occupation.events.OccupationEvent.SpoolDesbloqueado;
import cl.zeues.occupation.events.OccupationEvent.SpoolPausado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import org.jspecify.annotations.Nullable;

/**
 * The human-readable {@code Estado_Detalle} of a spool in the earlier system's vocabulary
 * (domain-facts 2.5, 2.6, 3.8): {@code JP(94) trabajando ARM (ARM en progreso, SOLD pendiente)}
 * while occupied for ARM/SOLD, {@code Disponible - ARM pausado, SOLD pendiente} when free, and the
 * quality-control texts ({@code RECHAZADO (Ciclo 1/3) - Pendiente reparación}, {@code BLOQUEADO -
 * Contactar supervisor}, ...). Parsers downstream match these substrings, so the wording is a
 * contract.
 */
public final class EstadoDetalle {

  public static final String APROBADO = "METROLOGIA APROBADO ✓";
  public static final String BLOQUEADO = "BLOQUEADO - Contactar supervisor";
  public static final String PENDIENTE_METROLOGIA = "PENDIENTE_METROLOGIA";

  private EstadoDetalle() {}

  /** The text for a whole state. */
  public static String of(SpoolState state) {
    Occupation occupation = state.occupation();
    Calidad calidad = state.calidad();
    if (calidad.estado() == EstadoCalidad.BLOQUEADO) {
      return BLOQUEADO;
    }
    if (occupation != null) {
      return occupation.operacion() == Operacion.REPARACION
          ? enReparacion(calidad.ciclo(), occupation.worker().token())
          : occupation.worker().token()
              + " trabajando "
              + occupation.operacion()
              + " ("
              + armSold(state)
              + ")";
    }
    return switch (calidad.estado()) {
      case RECHAZADO ->
          state.reparacion().estado() == Estado.PAUSADO
              ? reparacionPausada(calidad.ciclo())
              : rechazado(calidad.ciclo());
      case PENDIENTE_METROLOGIA -> PENDIENTE_METROLOGIA;
      case APROBADO -> APROBADO;
      case PENDIENTE, BLOQUEADO -> "Disponible - " + armSold(state);
    };
  }

  /**
   * The text right after {@code event} when the event alone decides it (metrology, the repair loop
   * and an unblock), so a reply rebuilt from the log reads as the original; null for ARM and SOLD,
   * whose text depends on the rest of the state.
   */
  public static @Nullable String after(OccupationEvent event) {
    if (event instanceof MetrologiaCompletada e) {
      if (e.resultado() == Resultado.APROBADO) {
        return APROBADO;
      }
      return e.bloquea() ? BLOQUEADO : rechazado(e.ciclo());
    }
    if (event instanceof SpoolDesbloqueado) {
      return PENDIENTE_METROLOGIA;
    }
    if (event.operacion() != Operacion.REPARACION) {
      return null;
    }
    int ciclo = cicloOf(event);
    return switch (event) {
      case SpoolTomado e -> enReparacion(ciclo, e.worker().token());
      case SpoolPausado e -> reparacionPausada(ciclo);
      case OcupacionExpirada e -> reparacionPausada(ciclo);
      case OcupacionLiberada e -> reparacionPausada(ciclo);
      case SpoolCompletado e -> PENDIENTE_METROLOGIA;
      case SpoolCancelado e -> rechazado(ciclo);
      case MetrologiaCompletada e -> throw new AssertionError("handled above");
      case SpoolDesbloqueado e -> throw new AssertionError("handled above");
    };
  }

  /** The repair cycle an event leaves the spool at, or null where it says nothing of it. */
  public static @Nullable Integer cicloAfter(OccupationEvent event) {
    return switch (event) {
      case MetrologiaCompletada e -> e.ciclo();
      case SpoolDesbloqueado e -> 0;
      case SpoolTomado e -> e.ciclo();
      case SpoolPausado e -> e.ciclo();
      case SpoolCompletado e -> e.ciclo();
      case SpoolCancelado e -> e.ciclo();
      case OcupacionExpirada e -> e.ciclo();
      case OcupacionLiberada e -> e.ciclo();
    };
  }

  private static int cicloOf(OccupationEvent event) {
    Integer ciclo = cicloAfter(event);
    return ciclo == null ? 0 : ciclo;
  }

  static String rechazado(int ciclo) {
    return "RECHAZADO (Ciclo "
        + ciclo
        + "/"
        + OccupationEvent.MAX_CICLOS
        + ") - Pendiente reparación";
  }

  static String enReparacion(int ciclo, String token) {
    return "EN_REPARACION (Ciclo "
        + ciclo
        + "/"
        + OccupationEvent.MAX_CICLOS
        + ") - Ocupado: "
        + token;
  }

  static String reparacionPausada(int ciclo) {
    return "REPARACION_PAUSADA (Ciclo " + ciclo + "/" + OccupationEvent.MAX_CICLOS + ")";
  }

  private static String armSold(SpoolState state) {
    return "ARM " + word(state.arm().estado()) + ", SOLD " + word(state.sold().estado());
  }

  /** The Spanish word for an operation's progress ({@code en progreso}, {@code pausado}, ...). */
  public static String word(Estado estado) {
    return switch (estado) {
      case PENDIENTE -> "pendiente";
      case EN_PROGRESO -> "en progreso";
      case PAUSADO -> "pausado";
      case COMPLETADO -> "completado";
    };
  }
}
