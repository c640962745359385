package cl.zeues.occupation.audit.replay;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.EventChain;
import cl.zeues.occupation.events.OccupationEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Folds decoded records into per-spool state with {@link SpoolState#evolve}, with the sheets
 * projector's rule for a log that breaks an invariant: an event that does not fold (a gap, a
 * repeat, an operation without progress) is counted and skipped, and the spool keeps its last
 * consistent state; malformed records are counted. So {@code replay} and {@code diff-sheets} expect
 * exactly what the projector would have written.
 *
 * <p>With {@code until}, a spool stops at its first event after that instant (its later events are
 * ignored, so versions stay contiguous).
 *
 * <p>A state it hands out knows the hash of its last event's record ({@link
 * SpoolState#lastEventHash()}), as the processor's store does: only each spool's last record is
 * hashed, when the state is asked for, so the fold itself never hashes nor re-encodes.
 */
public final class LogFold {

  private final @Nullable Instant until;
  private final Predicate<String> spools;
  private final Map<String, SpoolState> states = new HashMap<>();
  private final Map<String, byte[]> lastRecords = new HashMap<>();
  private final Set<String> stopped = new HashSet<>();
  private long events;
  private long malformed;
  private long unfoldable;

  /**
   * @param until fold only what happened up to this instant; everything when null
   * @param spools which tags to fold
   */
  public LogFold(@Nullable Instant until, Predicate<String> spools) {
    this.until = until;
    this.spools = spools;
  }

  public static LogFold everything() {
    return new LogFold(null, tag -> true);
  }

  public void accept(Decoded decoded) {
    switch (decoded) {
      case Decoded.Malformed m -> malformed++;
      case Decoded.Event e -> {
        byte[] published = e.record().value();
        if (apply(e.event()) && published != null) {
          lastRecords.put(e.event().tagSpool(), published);
        }
      }
    }
  }

  /** An event without its record: the spool's state then does not know its last hash. */
  public void accept(OccupationEvent event) {
    apply(event);
  }

  /** Whether the event was applied to its spool's state. */
  private boolean apply(OccupationEvent event) {
    String tag = event.tagSpool();
    if (!spools.test(tag)) {
      return false;
    }
    events++;
    if (stopped.contains(tag)) {
      return false;
    }
    if (until != null && event.occurredAt().isAfter(until)) {
      stopped.add(tag);
      return false;
    }
    SpoolState before = states.getOrDefault(tag, SpoolState.initial(tag));
    try {
      states.put(tag, before.evolve(event));
      return true;
    } catch (RuntimeException e) {
      unfoldable++;
      return false;
    }
  }

  /** The spools the fold touched, by tag. */
  public Map<String, SpoolState> states() {
    Map<String, SpoolState> chained = new HashMap<>(states.size());
    states.forEach((tag, state) -> chained.put(tag, chained(state)));
    return chained;
  }

  public SpoolState state(String tag) {
    return chained(states.getOrDefault(tag, SpoolState.initial(tag)));
  }

  private SpoolState chained(SpoolState state) {
    byte[] last = lastRecords.get(state.tagSpool());
    return last == null ? state : state.chainedTo(EventChain.hashOf(last));
  }

  /** Well-formed events of the folded spools, whether applied, skipped or after {@code until}. */
  public long events() {
    return events;
  }

  public long malformed() {
    return malformed;
  }

  /** Events that broke an invariant and were skipped. */
  public long unfoldable() {
    return unfoldable;
  }

  public boolean consistent() {
    return malformed == 0 && unfoldable == 0;
  }
}
