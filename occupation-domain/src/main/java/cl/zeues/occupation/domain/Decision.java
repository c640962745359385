package cl.zeues.occupation.domain;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.RejectionReason;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@link OccupationDecider#decide} concluded: events to record, or a rejection. */
public sealed interface Decision {

  String message();

  /** The command is accepted; {@code events} are the new facts, in order (never empty). */
  record Accepted(List<OccupationEvent> events, String message) implements Decision {
    public Accepted {
      events = List.copyOf(events);
      if (events.isEmpty()) {
        throw new IllegalArgumentException("an accepted decision records at least one event");
      }
    }

    public long resultingVersion() {
      return events.getLast().version();
    }
  }

  /** The command is rejected and nothing changes; {@code ocupadoPor} names the occupant if any. */
  record Rejected(RejectionReason reason, String message, @Nullable String ocupadoPor)
      implements Decision {}
}
