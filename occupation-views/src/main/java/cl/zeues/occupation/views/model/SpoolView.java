package cl.zeues.occupation.views.model;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.OcupacionExpirada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionLiberada;
import cl.zeues.occupation.events.OccupationEvent.SpoolCancelado;
import cl.zeues.occupation.events.OccupationEvent.SpoolCompletado;
import cl.zeues.occupation.events.OccupationEvent.SpoolPausado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the read side knows of one spool: the domain's own {@link SpoolState} (so whatever the
 * domain's {@code evolve} learns to track shows here without a change to this class), when its last
 * event happened, and its occupations in log order.
 *
 * @param lastEventAt when the last event happened; null for a spool no event has touched
 * @param sessions oldest first; at most the last one is open
 */
public record SpoolView(SpoolState state, @Nullable Instant lastEventAt, List<Session> sessions) {

  public SpoolView {
    Objects.requireNonNull(state, "state");
    sessions = List.copyOf(sessions);
  }

  /** A spool no event has touched: free, every operation pendiente, version 0. */
  public static SpoolView untouched(String tagSpool) {
    return new SpoolView(SpoolState.initial(tagSpool), null, List.of());
  }

  public String tagSpool() {
    return state.tagSpool();
  }

  public long version() {
    return state.version();
  }

  /**
   * This view after {@code event}.
   *
   * @throws IllegalStateException when the domain refuses the event (another spool, not the next
   *     version)
   * @throws IllegalArgumentException when the domain cannot fold it (an operation it does not
   *     track)
   */
  SpoolView next(OccupationEvent event) {
    SpoolState evolved = state.evolve(event);
    return new SpoolView(evolved, event.occurredAt(), sessionsAfter(event));
  }

  /**
   * Events this class does not know (a type added to the log after this was written) change the
   * state through {@code evolve} and leave the sessions as they are.
   */
  private List<Session> sessionsAfter(OccupationEvent event) {
    return switch (event) {
      case SpoolTomado e -> {
        List<Session> more = new ArrayList<>(sessions.size() + 1);
        more.addAll(sessions);
        more.add(Session.opened(e.occupationId(), e.worker(), e.operacion(), e.occurredAt()));
        yield more;
      }
      case SpoolPausado e -> close(e.occupationId(), e.occurredAt(), Session.Ending.PAUSAR);
      case SpoolCompletado e -> close(e.occupationId(), e.occurredAt(), Session.Ending.COMPLETAR);
      case SpoolCancelado e -> close(e.occupationId(), e.occurredAt(), Session.Ending.CANCELAR);
      case OcupacionExpirada e ->
          close(e.occupationId(), e.occurredAt(), Session.Ending.EXPIRACION);
      case OcupacionLiberada e ->
          close(e.occupationId(), e.occurredAt(), Session.Ending.LIBERACION);
      default -> sessions;
    };
  }

  private List<Session> close(UUID occupationId, Instant at, Session.Ending how) {
    if (sessions.isEmpty()) {
      return sessions;
    }
    Session last = sessions.getLast();
    if (!last.isOpen() || !last.occupationId().equals(occupationId)) {
      return sessions;
    }
    List<Session> closed = new ArrayList<>(sessions);
    closed.set(closed.size() - 1, last.closed(at, how));
    return closed;
  }
}
