package cl.zeues.occupation.sheets;

import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.SpoolState;

/**
 * The human-readable {@code Estado_Detalle} of a spool in the earlier system's vocabulary
 * (domain-facts 3.8): {@code JP(94) trabajando ARM (ARM en progreso, SOLD pendiente)} while
 * occupied, {@code Disponible - ARM pausado, SOLD pendiente} when free. Parsers downstream rely on
 * the substrings {@code trabajando ARM|SOLD}, so the wording is a contract.
 */
public final class EstadoDetalle {

  private EstadoDetalle() {}

  public static String of(SpoolState state) {
    String progress = "ARM " + word(state.arm().estado()) + ", SOLD " + word(state.sold().estado());
    Occupation occupation = state.occupation();
    if (occupation != null) {
      return occupation.worker().token()
          + " trabajando "
          + occupation.operacion()
          + " ("
          + progress
          + ")";
    }
    return "Disponible - " + progress;
  }

  static String word(Estado estado) {
    return switch (estado) {
      case PENDIENTE -> "pendiente";
      case EN_PROGRESO -> "en progreso";
      case PAUSADO -> "pausado";
      case COMPLETADO -> "completado";
    };
  }
}
