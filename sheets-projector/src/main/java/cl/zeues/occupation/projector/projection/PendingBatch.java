package cl.zeues.occupation.projector.projection;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The events gathered for the next flush, coalesced: every event keeps its own {@code Metadata} row
 * (in log order, once per event id), while each spool keeps only its latest state, so a spool
 * touched by 40 events still costs 8 cells in one request. Not thread-safe: owned by the consumer
 * thread until {@link #seal()}.
 */
final class PendingBatch {

  private final Map<UUID, OccupationEvent> events = new LinkedHashMap<>();
  private final Map<String, SpoolState> spools = new LinkedHashMap<>();
  private @Nullable Instant firstAt;

  /** Adds {@code event}; {@code stateAfter} is the spool's state with it applied, if known. */
  void add(OccupationEvent event, @Nullable SpoolState stateAfter, Instant now) {
    if (firstAt == null) {
      firstAt = now;
    }
    events.putIfAbsent(event.eventId(), event);
    if (stateAfter != null) {
      spools.merge(
          stateAfter.tagSpool(),
          stateAfter,
          (older, newer) -> newer.version() >= older.version() ? newer : older);
    }
  }

  int size() {
    return events.size();
  }

  boolean isEmpty() {
    return events.isEmpty();
  }

  /** Whether it should be flushed now: full, or its oldest event waited {@code maxWait}. */
  boolean isDue(int maxEvents, Duration maxWait, Instant now) {
    return !isEmpty() && (events.size() >= maxEvents || !now.isBefore(firstAt.plus(maxWait)));
  }

  /** Time left until {@link #isDue} by age; {@code maxWait} when empty. */
  Duration untilDue(Duration maxWait, Instant now) {
    if (firstAt == null) {
      return maxWait;
    }
    Duration left = Duration.between(now, firstAt.plus(maxWait));
    return left.isNegative() ? Duration.ZERO : left;
  }

  Flush seal() {
    return new Flush(
        List.copyOf(events.values()), Collections.unmodifiableMap(new LinkedHashMap<>(spools)));
  }

  /**
   * What one flush projects.
   *
   * @param events the {@code Metadata} rows to append, in log order
   * @param spools the latest state of each spool the events touched
   */
  record Flush(List<OccupationEvent> events, Map<String, SpoolState> spools) {

    static final Flush EMPTY = new Flush(List.of(), Map.of());

    boolean isEmpty() {
      return events.isEmpty() && spools.isEmpty();
    }
  }
}
