package cl.zeues.occupation.domain;

import cl.zeues.occupation.domain.Decision.Accepted;
import cl.zeues.occupation.domain.Decision.Rejected;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationCommand.ByWorker;
import cl.zeues.occupation.events.OccupationCommand.Cancelar;
import cl.zeues.occupation.events.OccupationCommand.Completar;
import cl.zeues.occupation.events.OccupationCommand.CompletarMetrologia;
import cl.zeues.occupation.events.OccupationCommand.DesbloquearSpool;
import cl.zeues.occupation.events.OccupationCommand.ExpirarOcupacion;
import cl.zeues.occupation.events.OccupationCommand.LiberarOcupacion;
import cl.zeues.occupation.events.OccupationCommand.Pausar;
import cl.zeues.occupation.events.OccupationCommand.Tomar;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.OcupacionExpirada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionLiberada;
import cl.zeues.occupation.events.OccupationEvent.SpoolCancelado;
import cl.zeues.occupation.events.OccupationEvent.SpoolCompletado;
import cl.zeues.occupation.events.OccupationEvent.SpoolPausado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The shop's rules as one pure function: the occupation rules (v3 contract) for ARM, SOLD and
 * REPARACION, and through {@link QualityRules} the instant metrology inspection and the
 * supervisor's unblock.
 *
 * <p>Deterministic: the same state, command, catalog entry and instant give the same decision, with
 * the same event ids (derived from the command id), so a command decided again after a crash
 * reproduces its events exactly.
 */
public final class OccupationDecider {

  private final OccupationPolicy policy;
  private final QualityRules quality;

  public OccupationDecider(OccupationPolicy policy) {
    this.policy = policy;
    this.quality = new QualityRules(policy);
  }

  /**
   * Decides {@code command} against {@code state}.
   *
   * @param catalog the spool's catalog entry, or null when the tag is not in the catalog
   * @param now the processor's clock; event times and lease ends derive from it
   */
  public Decision decide(
      SpoolState state,
      OccupationCommand command,
      @Nullable SpoolCatalogEntry catalog,
      Instant now) {
    return switch (command) {
      case Tomar c -> tomar(state, c, catalog, now);
      case Pausar c -> pausar(state, c, now);
      case Completar c -> completar(state, c, now);
      case Cancelar c -> cancelar(state, c, now);
      case ExpirarOcupacion c -> expire(state, c, now);
      case LiberarOcupacion c -> forceRelease(state, c, now);
      case CompletarMetrologia c -> quality.inspect(state, c, catalog, now);
      case DesbloquearSpool c -> quality.unblock(state, c, now);
    };
  }

  private Decision tomar(
      SpoolState state, Tomar c, @Nullable SpoolCatalogEntry catalog, Instant now) {
    String tag = c.tagSpool();
    if (!c.operacion().isOccupying()) {
      return unsupported(c.operacion());
    }
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
            "Spool " + tag + " ocupado por " + current.worker().token(),
            current.worker().token());
      }
      OcupacionExpirada expiry = expiry(state, current, c, 0, now);
      events.add(expiry);
      state = state.evolve(expiry);
    }
    if (c.operacion() == Operacion.REPARACION) {
      Rejected refused = QualityRules.refusesRepair(state);
      if (refused != null) {
        return refused;
      }
    } else {
      Rejected refused = armSoldPrerequisites(state, c, catalog);
      if (refused != null) {
        return refused;
      }
    }
    OperationProgress progress = state.progressOf(c.operacion());
    events.add(
        new SpoolTomado(
            eventId(c.commandId(), events.size()),
            c.commandId(),
            tag,
            state.version() + 1,
            c.worker(),
            c.operacion(),
            c.commandId(),
            now,
            now.plus(policy.lease()),
            progress.estado() == Estado.PAUSADO,
            catalog.fechaMateriales(),
            state.arm().trabajador(),
            cicloOf(state, c.operacion()),
            c.dispositivo(),
            null));
    return new Accepted(events);
  }

  /** ARM and SOLD: not completed yet, materials received, and SOLD only once ARM began. */
  private static @Nullable Rejected armSoldPrerequisites(
      SpoolState state, Tomar c, SpoolCatalogEntry catalog) {
    String tag = c.tagSpool();
    OperationProgress progress = state.progressOf(c.operacion());
    if (progress.isCompleted()) {
      return new Rejected(
          RejectionReason.OPERACION_YA_COMPLETADA,
          c.operacion() + " ya completado en spool " + tag,
          null);
    }
    if (catalog.fechaMateriales() == null) {
      return new Rejected(
          RejectionReason.DEPENDENCIAS_NO_SATISFECHAS,
          "Spool " + tag + " no tiene Fecha_Materiales",
          null);
    }
    if (c.operacion() == Operacion.SOLD && !state.arm().isInitiated()) {
      return new Rejected(
          RejectionReason.DEPENDENCIAS_NO_SATISFECHAS,
          "SOLD requiere ARM iniciado en spool " + tag,
          null);
    }
    return null;
  }

  /** The repair cycle an occupation event of {@code operacion} carries: only REPARACION's. */
  static @Nullable Integer cicloOf(SpoolState state, Operacion operacion) {
    return operacion == Operacion.REPARACION ? state.calidad().ciclo() : null;
  }

  private Decision pausar(SpoolState state, Pausar c, Instant now) {
    return byOccupant(
        state,
        c,
        "pausar",
        current ->
            ended(
                state,
                c,
                current,
                now,
                (id, command, tag, version, worker, op, occupation, at, since, ciclo, device) ->
                    new SpoolPausado(
                        id,
                        command,
                        tag,
                        version,
                        worker,
                        op,
                        occupation,
                        at,
                        since,
                        ciclo,
                        device,
                        null)));
  }

  private Decision completar(SpoolState state, Completar c, Instant now) {
    LocalDate fecha =
        c.fechaOperacion() != null ? c.fechaOperacion() : LocalDate.ofInstant(now, policy.zone());
    return byOccupant(
        state,
        c,
        "completar",
        current ->
            ended(
                state,
                c,
                current,
                now,
                (id, command, tag, version, worker, op, occupation, at, since, ciclo, device) ->
                    new SpoolCompletado(
                        id,
                        command,
                        tag,
                        version,
                        worker,
                        op,
                        occupation,
                        at,
                        since,
                        fecha,
                        ciclo,
                        device,
                        null)));
  }

  private Decision cancelar(SpoolState state, Cancelar c, Instant now) {
    return byOccupant(
        state,
        c,
        "cancelar",
        current -> {
          if (current.operacion() == Operacion.ARM && state.sold().isInitiated()) {
            return new Rejected(
                RejectionReason.DEPENDENCIAS_NO_SATISFECHAS,
                "No se puede cancelar ARM en spool " + state.tagSpool() + ": SOLD ya fue iniciado",
                current.worker().token());
          }
          return ended(
              state,
              c,
              current,
              now,
              (id, command, tag, version, worker, op, occupation, at, since, ciclo, device) ->
                  new SpoolCancelado(
                      id,
                      command,
                      tag,
                      version,
                      worker,
                      op,
                      occupation,
                      at,
                      since,
                      ciclo,
                      device,
                      null));
        });
  }

  /**
   * The check PAUSAR, COMPLETAR and CANCELAR share: only the current occupant may end the
   * occupation, for the occupied operation (or without naming one). When it holds, {@code decision}
   * decides on the current occupation; otherwise the rejection says why.
   */
  private static Decision byOccupant(
      SpoolState state, ByWorker c, String verb, Function<Occupation, Decision> decision) {
    String tag = state.tagSpool();
    Worker worker = c.worker();
    Operacion operacion = c.operacion();
    if (operacion != null && !operacion.isOccupying()) {
      return unsupported(operacion);
    }
    Occupation current = state.occupation();
    if (current == null) {
      LostOccupation lost = state.lastLost();
      if (lost != null && lost.workerId() == worker.id()) {
        return new Rejected(
            RejectionReason.LOCK_EXPIRED,
            "La ocupación del spool "
                + tag
                + " por "
                + worker.token()
                + (lost.forcedByAdmin() ? " fue liberada por un administrador" : " expiró")
                + "; tómelo de nuevo para continuar",
            null);
      }
      // Only the occupant may release, and a free spool has none: the answer does not depend on
      // whether the caller's request arrived just before or just after the occupant's own release.
      return new Rejected(
          RejectionReason.NO_AUTORIZADO,
          "Spool "
              + tag
              + " no está ocupado por "
              + worker.token()
              + " (está libre); no hay trabajo que "
              + verb,
          null);
    }
    String occupant = current.worker().token();
    if (!current.heldBy(worker)) {
      return new Rejected(
          RejectionReason.NO_AUTORIZADO,
          "Spool "
              + tag
              + " está ocupado por "
              + occupant
              + "; solo "
              + occupant
              + " puede "
              + verb
              + "lo",
          occupant);
    }
    if (operacion != null && operacion != current.operacion()) {
      return new Rejected(
          RejectionReason.OPERACION_NO_INICIADA,
          "Spool " + tag + " está ocupado para " + current.operacion() + ", no para " + operacion,
          occupant);
    }
    return decision.apply(current);
  }

  /** The facts every end of an occupation by its occupant records (pausado, completado, ...). */
  @FunctionalInterface
  private interface OccupationEnd {
    OccupationEvent of(
        UUID eventId,
        UUID commandId,
        String tagSpool,
        long version,
        Worker worker,
        Operacion operacion,
        UUID occupationId,
        Instant occurredAt,
        Instant ocupadoDesde,
        @Nullable Integer ciclo,
        @Nullable String dispositivo);
  }

  /** The occupant ends {@code current} with one event, shaped by {@code end}. */
  private static Decision ended(
      SpoolState state,
      OccupationCommand command,
      Occupation current,
      Instant now,
      OccupationEnd end) {
    return new Accepted(List.of(endOf(state, command, 0, current, now, end)));
  }

  /** The {@code index}-th event of a decision that ends {@code current}, shaped by {@code end}. */
  private static OccupationEvent endOf(
      SpoolState state,
      OccupationCommand command,
      int index,
      Occupation current,
      Instant now,
      OccupationEnd end) {
    return end.of(
        eventId(command.commandId(), index),
        command.commandId(),
        state.tagSpool(),
        state.version() + 1,
        current.worker(),
        current.operacion(),
        current.occupationId(),
        now,
        current.since(),
        cicloOf(state, current.operacion()),
        command.dispositivo());
  }

  private Decision expire(SpoolState state, ExpirarOcupacion c, Instant now) {
    Occupation current = state.occupation();
    if (current == null || !current.occupationId().equals(c.occupationId())) {
      return new Rejected(
          RejectionReason.SIN_EFECTO,
          "La ocupación " + c.occupationId() + " del spool " + c.tagSpool() + " ya terminó",
          current == null ? null : current.worker().token());
    }
    if (!current.lapsedAt(now)) {
      return new Rejected(
          RejectionReason.SIN_EFECTO,
          "La ocupación del spool " + c.tagSpool() + " sigue vigente hasta " + current.leaseUntil(),
          current.worker().token());
    }
    return new Accepted(List.of(expiry(state, current, c, 0, now)));
  }

  private Decision forceRelease(SpoolState state, LiberarOcupacion c, Instant now) {
    Occupation current = state.occupation();
    if (current == null) {
      return new Rejected(
          RejectionReason.OPERACION_NO_INICIADA,
          "Spool " + c.tagSpool() + " no está ocupado; no hay nada que liberar",
          null);
    }
    return ended(
        state,
        c,
        current,
        now,
        (id, command, tag, version, worker, op, occupation, at, since, ciclo, device) ->
            new OcupacionLiberada(
                id,
                command,
                tag,
                version,
                worker,
                op,
                occupation,
                at,
                since,
                c.admin(),
                c.motivo(),
                ciclo,
                device,
                null));
  }

  /**
   * The expiry of a lapsed occupation, as the {@code index}-th event of {@code command}'s decision.
   */
  static OcupacionExpirada expiry(
      SpoolState state, Occupation current, OccupationCommand command, int index, Instant now) {
    return (OcupacionExpirada)
        endOf(
            state,
            command,
            index,
            current,
            now,
            (id, commandId, tag, version, worker, op, occupation, at, since, ciclo, device) ->
                new OcupacionExpirada(
                    id,
                    commandId,
                    tag,
                    version,
                    worker,
                    op,
                    occupation,
                    at,
                    since,
                    current.leaseUntil(),
                    ciclo,
                    device,
                    null));
  }

  /** METROLOGIA is an instant inspection, never an occupation. */
  private static Rejected unsupported(Operacion operacion) {
    return new Rejected(
        RejectionReason.OPERACION_NO_SOPORTADA,
        operacion
            + " es una inspección instantánea: no se toma, pausa ni cancela; regístrela con"
            + " /api/metrologia/completar",
        null);
  }

  /** The {@code index}-th event of a command's decision: stable across re-decisions. */
  static UUID eventId(UUID commandId, int index) {
    return UUID.nameUUIDFromBytes((commandId + "#" + index).getBytes(StandardCharsets.UTF_8));
  }
}
