package cl.zeues.occupation.processor.occupation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a decision that lost a version race is retried: exponential backoff with jitter.
 *
 * @param maxAttempts attempts in all, the first included
 * @param baseDelay the wait after the first conflict
 * @param multiplier growth of the wait per further conflict
 * @param jitter the wait is scaled by a random factor in [1 - jitter, 1 + jitter]
 * @param maxDelay no wait is longer than this
 */
public record RetryPolicy(
    @Min(1) int maxAttempts,
    @NotNull Duration baseDelay,
    @DecimalMin("1.0") double multiplier,
    @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
    @NotNull Duration maxDelay) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(100), 2.0, 0.25, Duration.ofSeconds(10));

  /** The wait after the {@code conflict}-th conflict (1-based), jittered by {@code random}. */
  public Duration delayAfter(int conflict, RandomGenerator random) {
    double nominal = baseDelay.toNanos() * Math.pow(multiplier, conflict - 1);
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    long nanos = (long) Math.min(nominal * factor, maxDelay.toNanos());
    return Duration.ofNanos(Math.max(nanos, 0));
  }
}
