package cl.zeues.occupation.audit.log;

import java.time.Duration;

/** How much of the log a read went through, and how fast. */
public record ReadStats(long records, Duration elapsed) {

  public double recordsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : records / seconds;
  }
}
