package cl.zeues.occupation.views.model;

import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.SpoolState;
import java.util.Locale;

/**
 * The {@code Estado_Detalle} text of a spool, worded as the sheets projector writes it into {@code
 * Operaciones} (domain-facts 3.8), so the dashboard and the sheet read alike: {@code JP(94)
 * trabajando ARM (ARM en progreso, SOLD pendiente)} while occupied, {@code Disponible - ARM
 * pausado, SOLD pendiente} when free.
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

  /** {@code EN_PROGRESO} -> {@code en progreso}: the sheet's words are the enum's, lower case. */
  static String word(Estado estado) {
    return estado.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
