package cl.zeues.occupation.views.sse;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.views.model.SpoolView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The last {@code capacity} updates in the order the stream sent them, so a client reconnecting
 * with {@code Last-Event-ID} gets exactly what it missed. Not thread-safe: the hub guards it.
 */
final class UpdateJournal {

  private final @Nullable SpoolUpdate[] ring;
  private final Map<UUID, Long> seqById = new HashMap<>();
  private long next;

  UpdateJournal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    ring = new SpoolUpdate[capacity];
  }

  SpoolUpdate append(OccupationEvent event, SpoolView view) {
    SpoolUpdate update = new SpoolUpdate(next, event, view);
    int slot = (int) (next % ring.length);
    SpoolUpdate evicted = ring[slot];
    if (evicted != null) {
      seqById.remove(evicted.event.eventId());
    }
    ring[slot] = update;
    seqById.put(event.eventId(), next);
    next++;
    return update;
  }

  /**
   * Everything sent after the update whose event id is {@code lastEventId}, oldest first; empty
   * when that update is not (or no longer) here, and the client must reload instead.
   */
  Optional<List<SpoolUpdate>> after(UUID lastEventId) {
    Long seq = seqById.get(lastEventId);
    if (seq == null) {
      return Optional.empty();
    }
    List<SpoolUpdate> missed = new ArrayList<>((int) (next - seq - 1));
    for (long s = seq + 1; s < next; s++) {
      SpoolUpdate update = ring[(int) (s % ring.length)];
      if (update == null || update.seq != s) {
        return Optional.empty();
      }
      missed.add(update);
    }
    return Optional.of(missed);
  }
}
