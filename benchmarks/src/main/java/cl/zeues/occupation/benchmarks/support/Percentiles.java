package cl.zeues.occupation.benchmarks.support;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds (one decimal place below 10 ms, none above), from an
 * HdrHistogram of microseconds.
 */
public record Percentiles(
    long count, double p50, double p90, double p99, double p999, double max, double mean) {

  public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0, 0);

  /** A histogram of microseconds, values up to an hour, 3 significant digits. */
  public static Histogram micros() {
    return new Histogram(3_600_000_000L, 3);
  }

  public static Percentiles of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return NONE;
    }
    return new Percentiles(
        micros.getTotalCount(),
        ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(90)),
        ms(micros.getValueAtPercentile(99)),
        ms(micros.getValueAtPercentile(99.9)),
        ms(micros.getMaxValue()),
        ms(Math.round(micros.getMean())));
  }

  /** Records {@code nanos} into a microsecond histogram, clamped to its range. */
  public static void record(Histogram micros, long nanos) {
    micros.recordValue(Math.min(micros.getHighestTrackableValue(), Math.max(0, nanos / 1000)));
  }

  private static double ms(long micros) {
    return Math.round(micros / 100.0) / 10.0;
  }
}
