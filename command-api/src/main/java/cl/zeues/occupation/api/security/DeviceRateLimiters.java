package cl.zeues.occupation.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * One Resilience4j rate limiter per device ({@code limit} permits per {@code period}, never
 * waiting), held in a bounded cache: a device's limiter is dropped after {@code idleExpiry} without
 * use (never sooner than one period, so dropping it never refills a budget early) and the least
 * recently used goes beyond {@code maxDevices}, so a flood of identities cannot grow memory.
 */
final class DeviceRateLimiters {

  private final String name;
  private final RateLimiterConfig config;
  private final Cache<String, AtomicRateLimiter> limiters;

  DeviceRateLimiters(String name, int limit, Duration period, int maxDevices, Duration idleExpiry) {
    this.name = name;
    this.config =
        RateLimiterConfig.custom()
            .limitForPeriod(limit)
            .limitRefreshPeriod(period)
            .timeoutDuration(Duration.ZERO)
            .build();
    this.limiters =
        Caffeine.newBuilder()
            .maximumSize(maxDevices)
            .expireAfterAccess(idleExpiry.compareTo(period) > 0 ? idleExpiry : period)
            .build();
  }

  /** Takes one permit for {@code device}: empty if it had one, else how long until it will. */
  Optional<Duration> acquire(String device) {
    AtomicRateLimiter limiter = limiter(device);
    return limiter.acquirePermission() ? Optional.empty() : Optional.of(wait(limiter));
  }

  /** Without taking one: empty if {@code device} has a permit now, else how long until it will. */
  Optional<Duration> exhausted(String device) {
    AtomicRateLimiter limiter = limiters.getIfPresent(device);
    if (limiter == null || limiter.getMetrics().getAvailablePermissions() > 0) {
      return Optional.empty();
    }
    return Optional.of(wait(limiter));
  }

  /** How many devices have a limiter now (bounded by {@code maxDevices}). */
  long devices() {
    limiters.cleanUp();
    return limiters.estimatedSize();
  }

  private AtomicRateLimiter limiter(String device) {
    return limiters.get(device, key -> new AtomicRateLimiter(name + ":" + key, config));
  }

  private static Duration wait(AtomicRateLimiter limiter) {
    return Duration.ofNanos(Math.max(limiter.getDetailedMetrics().getNanosToWait(), 1));
  }
}
