package cl.zeues.occupation.projector.projection;

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
  void limiterAllowsTheBudgetPerWindowThenTellsHowLongToWait() {
    long second = 1_000_000_000L;
    WriteRateLimiter limiter = new WriteRateLimiter(2, Duration.ofSeconds(60));
    assertThat(limiter.tryReserve(0)).isZero();
    assertThat(limiter.tryReserve(10 * second)).isZero();
    assertThat(limiter.tryReserve(20 * second)).isEqualTo(40 * second);
    assertThat(limiter.tryReserve(60 * second)).isZero();
    assertThat(limiter.tryReserve(61 * second)).isEqualTo(9 * second);
  }
}
