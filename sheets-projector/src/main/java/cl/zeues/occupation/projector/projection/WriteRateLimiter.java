package cl.zeues.occupation.projector.projection;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Keeps write requests under a budget: at most {@code permits} in any sliding {@code window}, the
 * way Google counts its per-user quota. Callers block until a write is allowed; 429s then only
 * happen when someone else spends the same quota.
 */
final class WriteRateLimiter {

  private final int permits;
  private final long windowNanos;
  private final Deque<Long> granted = new ArrayDeque<>();

  WriteRateLimiter(int permits, Duration window) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be positive");
    }
    this.permits = permits;
    this.windowNanos = window.toNanos();
  }

  /** Blocks until one write may be sent, and counts it. */
  void acquire() throws InterruptedException {
    long wait;
    while ((wait = tryReserve(System.nanoTime())) > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /**
   * Takes a permit at {@code now} (a {@link System#nanoTime()} reading) if one is free.
   *
   * @return 0 when taken, else how many nanoseconds until one frees up
   */
  synchronized long tryReserve(long now) {
    while (!granted.isEmpty() && now - granted.peekFirst() >= windowNanos) {
      granted.pollFirst();
    }
    if (granted.size() < permits) {
      granted.addLast(now);
      return 0;
    }
    return Math.max(1, granted.peekFirst() + windowNanos - now);
  }
}
