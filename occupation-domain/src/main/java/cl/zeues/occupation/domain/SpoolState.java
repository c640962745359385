package cl.zeues.occupation.domain;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.OcupacionExpirada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionLiberada;
import cl.zeues.occupation.events.OccupationEvent.SpoolCancelado;
import cl.zeues.occupation.events.OccupationEvent.SpoolCompletado;
import cl.zeues.occupation.events.OccupationEvent.SpoolPausado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import cl.zeues.occupation.events.Operacion;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A spool's occupation state: the fold of its events. {@code version} is the version of the last
 * event applied (0 for a spool no event has touched) and is the fencing token of every write.
 */
public record SpoolState(
    String tagSpool,
    long version,
    @Nullable Occupation occupation,
    OperationProgress arm,
    OperationProgress sold,
    @Nullable LostOccupation lastLost) {

  public SpoolState {
    Objects.requireNonNull(tagSpool, "tagSpool");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(sold, "sold");
  }

  /** The state of a spool no event has touched yet. */
  public static SpoolState initial(String tagSpool) {
    return new SpoolState(
        tagSpool, 0, null, OperationProgress.PENDIENTE, OperationProgress.PENDIENTE, null);
  }

  /** Replays {@code events} (in log order) onto the initial state. */
  public static SpoolState replay(String tagSpool, Iterable<? extends OccupationEvent> events) {
    SpoolState state = initial(tagSpool);
    for (OccupationEvent event : events) {
      state = state.evolve(event);
    }
    return state;
  }

  public boolean isOccupied() {
    return occupation != null;
  }

  /** The progress of an occupying operation (ARM or SOLD). */
  public OperationProgress progressOf(Operacion operacion) {
    return switch (operacion) {
      case ARM -> arm;
      case SOLD -> sold;
      case METROLOGIA, REPARACION ->
          throw new IllegalArgumentException(operacion + " has no occupation progress yet");
    };
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
    return switch (event) {
      case SpoolTomado e ->
          new SpoolState(
              tagSpool,
              e.version(),
              new Occupation(
                  e.occupationId(), e.worker(), e.operacion(), e.occurredAt(), e.leaseUntil()),
              e.operacion() == Operacion.ARM ? arm.taken(e.worker().token()) : arm,
              e.operacion() == Operacion.SOLD ? sold.taken(e.worker().token()) : sold,
              lastLost != null && lastLost.workerId() == e.worker().id() ? null : lastLost);
      case SpoolPausado e ->
          released(e, withProgress(e.operacion(), progressOf(e.operacion()).paused()), lastLost);
      case SpoolCompletado e ->
          released(
              e,
              withProgress(e.operacion(), progressOf(e.operacion()).completed(e.fechaOperacion())),
              lastLost);
      case SpoolCancelado e ->
          released(e, withProgress(e.operacion(), OperationProgress.PENDIENTE), lastLost);
      case OcupacionExpirada e ->
          released(
              e,
              withProgress(e.operacion(), progressOf(e.operacion()).paused()),
              new LostOccupation(e.occupationId(), e.worker().id(), false));
      case OcupacionLiberada e ->
          released(
              e,
              withProgress(e.operacion(), progressOf(e.operacion()).paused()),
              new LostOccupation(e.occupationId(), e.worker().id(), true));
    };
  }

  private SpoolState withProgress(Operacion operacion, OperationProgress progress) {
    return switch (operacion) {
      case ARM -> new SpoolState(tagSpool, version, occupation, progress, sold, lastLost);
      case SOLD -> new SpoolState(tagSpool, version, occupation, arm, progress, lastLost);
      case METROLOGIA, REPARACION ->
          throw new IllegalArgumentException(operacion + " has no occupation progress yet");
    };
  }

  private static SpoolState released(
      OccupationEvent event, SpoolState progressed, @Nullable LostOccupation lost) {
    return new SpoolState(
        progressed.tagSpool, event.version(), null, progressed.arm, progressed.sold, lost);
  }
}
