package cl.zeues.occupation.benchmarks.support;

/**
 * When the n-th event (or command) of a run is due at a fixed offered rate: event {@code i} (from
 * 0) at {@code i / rate} seconds after the start. Open loop: a publisher that fell behind sends
 * what is due at once instead of stretching the schedule, so the offered rate is the rate asked
 * for.
 */
public record RatePacer(int eventsPerSecond) {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  public RatePacer {
    if (eventsPerSecond < 1) {
      throw new IllegalArgumentException("the rate must be positive, was " + eventsPerSecond);
    }
  }

  /** How many events are due {@code elapsedNanos} after the start (the one at 0 included). */
  public long dueBy(long elapsedNanos) {
    if (elapsedNanos < 0) {
      return 0;
    }
    return elapsedNanos * eventsPerSecond / NANOS_PER_SECOND + 1;
  }

  /** When event {@code index} (from 0) is due, in nanoseconds after the start. */
  public long dueAt(long index) {
    return Math.ceilDiv(index * NANOS_PER_SECOND, eventsPerSecond);
  }

  /** Events a run of {@code durationNanos} offers: those due strictly before its end. */
  public long total(long durationNanos) {
    return dueBy(durationNanos - 1);
  }
}
