package cl.zeues.occupation.domain;

import static cl.zeues.occupation.domain.OccupationDecider.eventId;

import cl.zeues.occupation.domain.Decision.Accepted;
import cl.zeues.occupation.domain.Decision.Rejected;
import cl.zeues.occupation.events.OccupationCommand.CompletarMetrologia;
import cl.zeues.occupation.events.OccupationCommand.DesbloquearSpool;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.MetrologiaCompletada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionExpirada;
import cl.zeues.occupation.events.OccupationEvent.SpoolDesbloqueado;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.Resultado;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Quality control (domain-facts 2.5 and 2.6): the instant metrology inspection, the repair's
 * prerequisite, and the supervisor's unblock. The third consecutive rejection blocks the spool; a
 * completed repair keeps the count, so the block is reachable.
 */
final class QualityRules {

  private final OccupationPolicy policy;

  QualityRules(OccupationPolicy policy) {
    this.policy = policy;
  }

  /**
   * Metrology: ARM and SOLD completed, not yet approved, not waiting for a repair, not blocked and
   * nobody working on the spool (a lapsed occupation is expired first, as a TOMAR would).
   */
  Decision inspect(
      SpoolState state, CompletarMetrologia c, @Nullable SpoolCatalogEntry catalog, Instant now) {
    String tag = c.tagSpool();
    if (catalog == null) {
      return new Rejected(
          RejectionReason.SPOOL_NO_ENCONTRADO, "Spool " + tag + " no existe en el catálogo", null);
    }
    List<OccupationEvent> events = new ArrayList<>(2);
    Occupation current = state.occupation();
    if (current != null) {
      if (!current.lapsedAt(now)) {
        return new Rejected(
            RejectionReason.SPOOL_OCCUPIED,
            "Spool "
                + tag
                + " ocupado por "
                + current.worker().token()
                + " ("
                + current.operacion()
                + "); la metrología espera a que lo libere",
            current.worker().token());
      }
      OcupacionExpirada expiry = OccupationDecider.expiry(state, current, c, 0, now);
      events.add(expiry);
      state = state.evolve(expiry);
    }
    Rejected refused = refusesInspection(state, tag);
    if (refused != null) {
      return refused;
    }
    int ciclo = c.resultado() == Resultado.APROBADO ? 0 : state.calidad().ciclo() + 1;
    events.add(
        new MetrologiaCompletada(
            eventId(c.commandId(), events.size()),
            c.commandId(),
            tag,
            state.version() + 1,
            c.worker(),
            Operacion.METROLOGIA,
            c.commandId(),
            now,
            c.resultado(),
            ciclo,
            c.fechaOperacion() != null
                ? c.fechaOperacion()
                : LocalDate.ofInstant(now, policy.zone()),
            c.dispositivo(),
            null));
    return new Accepted(events);
  }

  private static @Nullable Rejected refusesInspection(SpoolState state, String tag) {
    if (!state.arm().isCompleted() || !state.sold().isCompleted()) {
      return new Rejected(
          RejectionReason.DEPENDENCIAS_NO_SATISFECHAS,
          "METROLOGIA requiere ARM y SOLD completados en spool " + tag,
          null);
    }
    return switch (state.calidad().estado()) {
      case PENDIENTE, PENDIENTE_METROLOGIA -> null;
      case APROBADO ->
          new Rejected(
              RejectionReason.OPERACION_YA_COMPLETADA,
              "METROLOGIA ya aprobada en spool " + tag,
              null);
      case RECHAZADO ->
          new Rejected(
              RejectionReason.OPERACION_YA_COMPLETADA,
              "Spool "
                  + tag
                  + " fue RECHAZADO (Ciclo "
                  + state.calidad().ciclo()
                  + "/"
                  + OccupationEvent.MAX_CICLOS
                  + "): requiere REPARACION antes de otra inspección",
              null);
      case BLOQUEADO -> blocked(tag);
    };
  }

  /** A repair may be taken on a rejected spool (fresh or paused), never on a blocked one. */
  static @Nullable Rejected refusesRepair(SpoolState state) {
    String tag = state.tagSpool();
    return switch (state.calidad().estado()) {
      case RECHAZADO -> null;
      case BLOQUEADO -> blocked(tag);
      case PENDIENTE, PENDIENTE_METROLOGIA, APROBADO ->
          new Rejected(
              RejectionReason.DEPENDENCIAS_NO_SATISFECHAS,
              "REPARACION requiere un spool RECHAZADO en metrología; "
                  + tag
                  + " está "
                  + state.calidad().estado(),
              null);
    };
  }

  Decision unblock(SpoolState state, DesbloquearSpool c, Instant now) {
    if (state.calidad().estado() != EstadoCalidad.BLOQUEADO) {
      return new Rejected(
          RejectionReason.SPOOL_NO_BLOQUEADO,
          "Spool " + c.tagSpool() + " no está BLOQUEADO; no hay nada que desbloquear",
          null);
    }
    return new Accepted(
        List.of(
            new SpoolDesbloqueado(
                eventId(c.commandId(), 0),
                c.commandId(),
                c.tagSpool(),
                state.version() + 1,
                Worker.supervisor(c.admin()),
                Operacion.METROLOGIA,
                c.commandId(),
                now,
                c.admin(),
                c.motivo(),
                state.calidad().ciclo(),
                c.dispositivo(),
                null)));
  }

  private static Rejected blocked(String tag) {
    return new Rejected(
        RejectionReason.SPOOL_BLOQUEADO,
        "Spool "
            + tag
            + " BLOQUEADO tras "
            + OccupationEvent.MAX_CICLOS
            + " rechazos de metrología: un supervisor debe desbloquearlo",
        null);
  }
}
