package cl.zeues.occupation.sheetsemulator.faults;

import java.time.Duration;

/**
 * The simulated service conditions.
 *
 * @param writesPerMinute write requests allowed per user in any 60 s window (a batch is one); 0 or
 *     less means unlimited. Google's published per-user limit is 60.
 * @param readsPerMinute the same for reads; 0 (the default) means unlimited
 * @param latency added before every Sheets API request is handled
 * @param serverErrorRate probability in [0, 1] that a request is answered 503 instead
 * @param randomSeed seeds the draw for {@link #serverErrorRate}, so failures are reproducible
 */
public record FaultSettings(
    int writesPerMinute,
    int readsPerMinute,
    Duration latency,
    double serverErrorRate,
    long randomSeed) {

  public static final int GOOGLE_WRITES_PER_MINUTE_PER_USER = 60;

  public FaultSettings {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    if (serverErrorRate < 0 || serverErrorRate > 1 || Double.isNaN(serverErrorRate)) {
      throw new IllegalArgumentException("serverErrorRate must be within [0, 1]");
    }
  }

  public static FaultSettings defaults() {
    return new FaultSettings(GOOGLE_WRITES_PER_MINUTE_PER_USER, 0, Duration.ZERO, 0, 42);
  }

  public FaultSettings withWritesPerMinute(int value) {
    return new FaultSettings(value, readsPerMinute, latency, serverErrorRate, randomSeed);
  }

  public FaultSettings withReadsPerMinute(int value) {
    return new FaultSettings(writesPerMinute, value, latency, serverErrorRate, randomSeed);
  }

  public FaultSettings withLatency(Duration value) {
    return new FaultSettings(writesPerMinute, readsPerMinute, value, serverErrorRate, randomSeed);
  }

  public FaultSettings withServerErrorRate(double value) {
    return new FaultSettings(writesPerMinute, readsPerMinute, latency, value, randomSeed);
  }

  public FaultSettings withRandomSeed(long value) {
    return new FaultSettings(writesPerMinute, readsPerMinute, latency, serverErrorRate, value);
  }
}
