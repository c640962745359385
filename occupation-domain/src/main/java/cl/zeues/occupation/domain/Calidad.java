package cl.zeues.occupation.domain;

import cl.zeues.occupation.events.OccupationEvent;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A spool's quality-control standing.
 *
 * @param ciclo consecutive metrology rejections (0..{@link OccupationEvent#MAX_CICLOS}); a
 *     completed repair keeps it (the earlier system reset it, so its block was unreachable), an
 *     approval or a supervisor's unblock restarts it
 * @param fechaQc the approval date ({@code Fecha_QC_Metrologia}); set only while approved
 */
public record Calidad(EstadoCalidad estado, int ciclo, @Nullable LocalDate fechaQc) {

  public static final Calidad PENDIENTE = new Calidad(EstadoCalidad.PENDIENTE, 0, null);

  public Calidad {
    Objects.requireNonNull(estado, "estado");
    if (ciclo < 0 || ciclo > OccupationEvent.MAX_CICLOS) {
      throw new IllegalArgumentException("ciclo must be 0.." + OccupationEvent.MAX_CICLOS);
    }
  }

  Calidad aprobada(LocalDate fecha) {
    return new Calidad(EstadoCalidad.APROBADO, 0, fecha);
  }

  Calidad rechazada(int nuevoCiclo) {
    return new Calidad(
        nuevoCiclo >= OccupationEvent.MAX_CICLOS
            ? EstadoCalidad.BLOQUEADO
            : EstadoCalidad.RECHAZADO,
        nuevoCiclo,
        null);
  }

  /** A completed repair: back to metrology, the cycle kept, the QC date cleared. */
  Calidad reparada() {
    return new Calidad(EstadoCalidad.PENDIENTE_METROLOGIA, ciclo, null);
  }

  Calidad desbloqueada() {
    return new Calidad(EstadoCalidad.PENDIENTE_METROLOGIA, 0, null);
  }
}
