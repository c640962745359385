package cl.zeues.occupation.sheets.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Exponential backoff with jitter for retried Sheets requests: attempt n waits a random time in
 * [base/2, base], base = {@code initial * 2^(n-1)} capped at {@code max}, and never less than the
 * server's {@code Retry-After}.
 */
public record Backoff(Duration initial, Duration max) {

  /**
   * @param attempt the failed attempt, from 1
   * @param retryAfter what the server asked for, if it did
   * @param random a draw in [0, 1)
   */
  public Duration delay(int attempt, @Nullable Duration retryAfter, double random) {
    long cap = max.toMillis();
    long base = initial.toMillis();
    for (int i = 1; i < attempt && base < cap; i++) {
      base *= 2;
    }
    base = Math.min(base, cap);
    long jittered = base / 2 + (long) (random * (base - base / 2));
    Duration delay = Duration.ofMillis(jittered);
    return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
  }
}
