package cl.zeues.occupation.sheets.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffAndLimiterTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

  @Test
  void backoffDoublesWithJitterUpToTheCap() {
    assertThat(backoff.delay(1, null, 0)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delay(1, null, 0.999))
        .isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
    assertThat(backoff.delay(3, null, 0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(50, null, 0)).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void backoffHonoursRetryAfter() {
    assertThat(backoff.delay(1, Duration.ofSeconds(7), 0.5)).isEqualTo(Duration.ofSeconds(7));
    assertThat(SheetRequests.retryAfter("12")).isEqualTo(Duration.ofSeconds(12));
    assertThat(SheetRequests.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isNull();
  }

  @Test
  void limiterAllowsOneFlushAtOnceThenSpreadsWritesEvenly() {
    long second = 1_000_000_000L;
    // 62 per minute: a burst of 2, then one write per second
    WriteRateLimiter limiter = new WriteRateLimiter(62, Duration.ofSeconds(60));
    assertThat(limiter.tryReserve(0)).isZero();
    assertThat(limiter.tryReserve(0)).isZero();
    assertThat(limiter.tryReserve(0)).isEqualTo(second);
    assertThat(limiter.tryReserve(second)).isZero();
    assertThat(limiter.tryReserve(second + second / 2)).isEqualTo(second / 2);
  }

  @Test
  void noWindowSeesMoreThanTheBudget() {
    long second = 1_000_000_000L;
    WriteRateLimiter limiter = new WriteRateLimiter(50, Duration.ofSeconds(60));
    java.util.List<Long> grants = new java.util.ArrayList<>();
    for (long now = 0; now < 300 * second; now += second / 10) {
      if (limiter.tryReserve(now) == 0) {
        grants.add(now);
      }
    }
    for (int i = 0; i < grants.size(); i++) {
      long start = grants.get(i);
      long inWindow = grants.stream().filter(t -> t >= start && t < start + 60 * second).count();
      assertThat(inWindow).as("writes in the minute from %d ns", start).isLessThanOrEqualTo(50);
    }
    assertThat(grants.size()).isGreaterThan(4 * 48);
  }
}
