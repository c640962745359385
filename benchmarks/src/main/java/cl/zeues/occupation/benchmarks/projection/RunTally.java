package cl.zeues.occupation.benchmarks.projection;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one run counted: events offered (by the publisher), rows landed, duplicates and the lag of
 * each landed event (by the watcher). Thread-safe.
 */
final class RunTally {

  private final String name;
  private final Histogram lagMicros = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
  private long offered;
  private long landed;
  private long duplicates;
  private long lastLandedAt;

  RunTally(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  synchronized void offered() {
    offered++;
  }

  synchronized void landed(long lagNanos, long at) {
    landed++;
    lagMicros.recordValue(
        Math.min(lagMicros.getHighestTrackableValue(), Math.max(0, lagNanos / 1000)));
    lastLandedAt = Math.max(lastLandedAt, at);
  }

  synchronized void duplicate() {
    duplicates++;
  }

  synchronized long offeredCount() {
    return offered;
  }

  synchronized long landedCount() {
    return landed;
  }

  synchronized long duplicateCount() {
    return duplicates;
  }

  /** {@link System#nanoTime()} when the last row was seen; 0 before the first. */
  synchronized long lastLandedAt() {
    return lastLandedAt;
  }

  synchronized boolean complete() {
    return landed >= offered;
  }

  synchronized Histogram lag() {
    return lagMicros.copy();
  }
}
