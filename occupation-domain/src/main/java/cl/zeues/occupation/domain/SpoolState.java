package cl.zeues.occupation.domain;

import cl.zeues.occupation.events.EventChain;
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
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A spool's state: the fold of its events. {@code version} is the version of the last event applied
 * (0 for a spool no event has touched) and is the fencing token of every write.
 *
 * @param reparacion the current repair's progress (pendiente until a repair is taken; back to
 *     pendiente when it is completed or cancelled)
 * @param calidad metrology and the repair loop: rejections, the cycle, the block, the QC date
 * @param lastEventHash the hash of the last event's record as published ({@link
 *     EventChain#hashOf}), which the spool's next event links to; {@link #evolve} cannot know it
 *     (it sees the event, not its bytes) and leaves it null, and whoever holds the bytes sets it
 *     with {@link #chainedTo}: the processor as it writes, the rebuilds from the last record they
 *     read. Null also in states stored before the chain existed.
 */
public record SpoolState(
    String tagSpool,
    long version,
    @Nullable Occupation occupation,
    OperationProgress arm,
    OperationProgress sold,
    @Nullable LostOccupation lastLost,
    OperationProgress reparacion,
    Calidad calidad,
    @Nullable String lastEventHash) {

  public SpoolState {
    Objects.requireNonNull(tagSpool, "tagSpool");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(sold, "sold");
    // States stored before quality control existed have neither: they mean "not yet inspected".
    reparacion = reparacion != null ? reparacion : OperationProgress.PENDIENTE;
    calidad = calidad != null ? calidad : Calidad.PENDIENTE;
  }

  /** The state of a spool no event has touched yet. */
  public static SpoolState initial(String tagSpool) {
    return new SpoolState(
        tagSpool,
        0,
        null,
        OperationProgress.PENDIENTE,
        OperationProgress.PENDIENTE,
        null,
        OperationProgress.PENDIENTE,
        Calidad.PENDIENTE,
        null);
  }

  /** Replays {@code events} (in log order) onto the initial state. */
  public static SpoolState replay(String tagSpool, Iterable<? extends OccupationEvent> events) {
    SpoolState state = initial(tagSpool);
    for (OccupationEvent event : events) {
      state = state.evolve(event);
    }
    return state;
  }

  /**
   * What the spool's next event links to ({@link OccupationEvent#hashAnterior()}): {@link
   * EventChain#GENESIS} before the first event, else the last event's hash, null when unknown.
   */
  public @Nullable String chainHead() {
    return version == 0 ? EventChain.GENESIS : lastEventHash;
  }

  /** This state, knowing the hash of its last event's published record. */
  public SpoolState chainedTo(String hash) {
    return new SpoolState(
        tagSpool, version, occupation, arm, sold, lastLost, reparacion, calidad, hash);
  }

  public boolean isOccupied() {
    return occupation != null;
  }

  /** The progress of an occupying operation (ARM, SOLD or REPARACION). */
  public OperationProgress progressOf(Operacion operacion) {
    return switch (operacion) {
      case ARM -> arm;
      case SOLD -> sold;
      case REPARACION -> reparacion;
      case METROLOGIA ->
          throw new IllegalArgumentException(
              "METROLOGIA is instant: it has no occupation progress");
    };
  }

  /** The same state at another version (for tools that check the log's version rule apart). */
  public SpoolState atVersion(long otherVersion) {
    return new SpoolState(
        tagSpool,
        otherVersion,
        occupation,
        arm,
        sold,
        lastLost,
        reparacion,
        calidad,
        lastEventHash);
  }

  /**
   * Folds one event into the state.
   *
   * @throws IllegalStateException when the event is for another spool or is not the next version:
   *     the log broke an invariant, and deciding on top of it would spread the damage
   */
  public SpoolState evolve(OccupationEvent event) {
    if (!event.tagSpool().equals(tagSpool)) {
      throw new IllegalStateException(
          "event " + event.eventId() + " is for " + event.tagSpool() + ", not " + tagSpool);
    }
    if (event.version() != version + 1) {
      throw new IllegalStateException(
          "event "
              + event.eventId()
              + " of "
              + tagSpool
              + " has version "
              + event.version()
              + ", expected "
              + (version + 1));
    }
    SpoolState next =
        new SpoolState(
            tagSpool, event.version(), occupation, arm, sold, lastLost, reparacion, calidad, null);
    return switch (event) {
      case SpoolTomado e ->
          next.withOccupation(
                  new Occupation(
                      e.occupationId(), e.worker(), e.operacion(), e.occurredAt(), e.leaseUntil()),
                  lastLost != null && lastLost.workerId() == e.worker().id() ? null : lastLost)
              .withProgress(e.operacion(), progressOf(e.operacion()).taken(e.worker().token()));
      case SpoolPausado e ->
          next.released(lastLost).withProgress(e.operacion(), progressOf(e.operacion()).paused());
      case SpoolCompletado e ->
          e.operacion() == Operacion.REPARACION
              ? next.released(lastLost)
                  .withProgress(Operacion.REPARACION, OperationProgress.PENDIENTE)
                  .withCalidad(calidad.reparada())
              : next.released(lastLost)
                  .withProgress(
                      e.operacion(), progressOf(e.operacion()).completed(e.fechaOperacion()));
      case SpoolCancelado e ->
          next.released(lastLost).withProgress(e.operacion(), OperationProgress.PENDIENTE);
      case OcupacionExpirada e ->
          next.released(new LostOccupation(e.occupationId(), e.worker().id(), false))
              .withProgress(e.operacion(), progressOf(e.operacion()).paused());
      case OcupacionLiberada e ->
          next.released(new LostOccupation(e.occupationId(), e.worker().id(), true))
              .withProgress(e.operacion(), progressOf(e.operacion()).paused());
      case MetrologiaCompletada e ->
          next.withCalidad(
              e.resultado() == Resultado.APROBADO
                  ? calidad.aprobada(e.fechaOperacion())
                  : calidad.rechazada(e.ciclo()));
      case SpoolDesbloqueado e ->
          next.withProgress(Operacion.REPARACION, OperationProgress.PENDIENTE)
              .withCalidad(calidad.desbloqueada());
    };
  }

  private SpoolState withProgress(Operacion operacion, OperationProgress progress) {
    return switch (operacion) {
      case ARM ->
          new SpoolState(
              tagSpool,
              version,
              occupation,
              progress,
              sold,
              lastLost,
              reparacion,
              calidad,
              lastEventHash);
      case SOLD ->
          new SpoolState(
              tagSpool,
              version,
              occupation,
              arm,
              progress,
              lastLost,
              reparacion,
              calidad,
              lastEventHash);
      case REPARACION ->
          new SpoolState(
              tagSpool, version, occupation, arm, sold, lastLost, progress, calidad, lastEventHash);
      case METROLOGIA ->
          throw new IllegalArgumentException(
              "METROLOGIA is instant: it has no occupation progress");
    };
  }

  private SpoolState withCalidad(Calidad next) {
    return new SpoolState(
        tagSpool, version, occupation, arm, sold, lastLost, reparacion, next, lastEventHash);
  }

  private SpoolState withOccupation(Occupation next, @Nullable LostOccupation lost) {
    return new SpoolState(
        tagSpool, version, next, arm, sold, lost, reparacion, calidad, lastEventHash);
  }

  private SpoolState released(@Nullable LostOccupation lost) {
    return new SpoolState(
        tagSpool, version, null, arm, sold, lost, reparacion, calidad, lastEventHash);
  }
}
