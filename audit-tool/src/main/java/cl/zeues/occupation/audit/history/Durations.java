package cl.zeues.occupation.audit.history;

import java.time.Duration;

/** Durations as people on the floor say them: {@code 2h 15m}, {@code 45m}, {@code 1d 3h 0m}. */
public final class Durations {

  private Durations() {}

  /** Under a minute in seconds ({@code 40s}); else days (if any), hours, minutes, truncated. */
  public static String format(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    long minutes = seconds / 60 % 60;
    long hours = seconds / 3600 % 24;
    long days = seconds / 86_400;
    if (days > 0) {
      return days + "d " + hours + "h " + minutes + "m";
    }
    if (hours > 0) {
      return hours + "h " + minutes + "m";
    }
    return minutes + "m";
  }
}
