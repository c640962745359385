package cl.zeues.occupation.benchmarks.replay;

import cl.zeues.occupation.benchmarks.support.EventGenerator;
import cl.zeues.occupation.events.OccupationEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic event log, as the processor would have written it: each event decided by the real
 * decider on its spool's state ({@link EventGenerator}), spools interleaved at random, one command
 * every {@link #TICK} of a fixed clock, all from a fixed seed. Two logs made with the same
 * arguments are equal.
 *
 * @param events in log order
 * @param spools the spools the log spans
 */
public record EventLog(List<OccupationEvent> events, int spools) {

  static final Instant START = Instant.parse("2026-06-01T11:00:00Z");
  static final Duration TICK = Duration.ofMillis(250);

  public EventLog {
    events = List.copyOf(events);
  }

  /**
   * The first {@code count} events of a shop of {@code spools} spools.
   *
   * @param leaseEndShare the share of occupied spools' commands that are a force-release or an
   *     expiry (see {@link EventGenerator})
   * @throws IllegalArgumentException when the spools finish before {@code count} events
   */
  public static EventLog generate(int count, int spools, long seed, double leaseEndShare) {
    EventGenerator generator = new EventGenerator(EventGenerator.tags(spools), seed, leaseEndShare);
    List<OccupationEvent> events = new ArrayList<>(count);
    Instant now = START;
    try {
      while (events.size() < count) {
        for (OccupationEvent event : generator.next(now)) {
          if (events.size() < count) {
            events.add(event);
          }
        }
        now = now.plus(TICK);
      }
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          spools
              + " spools finish ARM and SOLD after "
              + events.size()
              + " events; ask for more spools to reach "
              + count,
          e);
    }
    return new EventLog(events, spools);
  }

  /** Events per type, in type-name order: how realistic the mix is. */
  Map<String, Long> mix() {
    Map<String, Long> mix = new TreeMap<>();
    events.forEach(e -> mix.merge(e.getClass().getSimpleName(), 1L, Long::sum));
    return mix;
  }

  /** The events of each spool, in log order: what a per-spool rebuild reads. */
  public Map<String, List<OccupationEvent>> bySpool() {
    Map<String, List<OccupationEvent>> bySpool = new LinkedHashMap<>();
    events.forEach(e -> bySpool.computeIfAbsent(e.tagSpool(), t -> new ArrayList<>()).add(e));
    return bySpool;
  }
}
