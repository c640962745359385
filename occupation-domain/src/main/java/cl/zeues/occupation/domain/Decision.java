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
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.Resultado;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@link OccupationDecider#decide} concluded: events to record, or a rejection. */
public sealed interface Decision {

  String message();

  /**
   * The command is accepted; {@code events} are the new facts, in order (never empty). The message
   * is a function of the events alone, so a reply rebuilt from the log reads as the original did.
   */
  record Accepted(List<OccupationEvent> events) implements Decision {
    public Accepted {
      events = List.copyOf(events);
      if (events.isEmpty()) {
        throw new IllegalArgumentException("an accepted decision records at least one event");
      }
    }

    @Override
    public String message() {
      return describe(events);
    }

    /** The tablet's sentence for what {@code events} (one decision's, in order) did. */
    public static String describe(List<? extends OccupationEvent> events) {
      OccupationEvent last = events.getLast();
      String tag = last.tagSpool();
      return switch (last) {
        case SpoolTomado e -> "Spool " + tag + " tomado por " + e.worker().token();
        case SpoolPausado e -> "Trabajo " + e.operacion() + " pausado en spool " + tag;
        case SpoolCompletado e -> e.operacion() + " completado en spool " + tag;
        case SpoolCancelado e ->
            e.operacion() + " cancelado en spool " + tag + "; vuelve a pendiente";
        case OcupacionExpirada e ->
            "Ocupación de " + e.worker().token() + " en spool " + tag + " expirada";
        case OcupacionLiberada e ->
            "Spool "
                + tag
                + " liberado por "
                + e.admin()
                + "; ocupación de "
                + e.worker().token()
                + " terminada";
        case MetrologiaCompletada e ->
            e.resultado() == Resultado.APROBADO
                ? "Metrología APROBADO en spool " + tag
                : "Metrología RECHAZADO en spool " + tag + ": " + EstadoDetalle.after(e);
        case SpoolDesbloqueado e ->
            "Spool " + tag + " desbloqueado por " + e.admin() + "; vuelve a metrología";
      };
    }

    /**
     * The spool's {@code Estado_Detalle} after a metrology, repair or unblock decision (null for
     * ARM and SOLD): a function of the events, like the message.
     */
    public @Nullable String estadoDetalle() {
      return EstadoDetalle.after(events.getLast());
    }

    /** The repair cycle after a metrology, repair or unblock decision (null for ARM and SOLD). */
    public @Nullable Integer ciclo() {
      return EstadoDetalle.cicloAfter(events.getLast());
    }

    public long resultingVersion() {
      return events.getLast().version();
    }
  }

  /** The command is rejected and nothing changes; {@code ocupadoPor} names the occupant if any. */
  record Rejected(RejectionReason reason, String message, @Nullable String ocupadoPor)
      implements Decision {}
}
