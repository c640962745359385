package cl.zeues.occupation.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceRateLimitersTest {

  @Test
  void aDeviceOverItsBudgetIsToldHowLongToWaitAndOthersAreNotAffected() {
    DeviceRateLimiters limiters =
        new DeviceRateLimiters("t", 3, Duration.ofMinutes(1), 100, Duration.ofMinutes(10));

    for (int i = 0; i < 3; i++) {
      assertThat(limiters.acquire("tablet-a")).isEmpty();
    }
    Optional<Duration> wait = limiters.acquire("tablet-a");

    assertThat(wait)
        .hasValueSatisfying(
            w -> assertThat(w).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    assertThat(limiters.acquire("tablet-b")).isEmpty();
  }

  @Test
  void exhaustedLooksWithoutTakingAPermit() {
    DeviceRateLimiters limiters =
        new DeviceRateLimiters("t", 2, Duration.ofMinutes(1), 100, Duration.ofMinutes(10));

    assertThat(limiters.exhausted("tablet-a")).isEmpty();
    assertThat(limiters.exhausted("tablet-a")).isEmpty();
    limiters.acquire("tablet-a");
    assertThat(limiters.exhausted("tablet-a")).isEmpty();
    limiters.acquire("tablet-a");

    assertThat(limiters.exhausted("tablet-a")).isPresent();
  }

  @Test
  void aFloodOfIdentitiesKeepsAtMostMaxDevicesLimiters() {
    DeviceRateLimiters limiters =
        new DeviceRateLimiters("t", 5, Duration.ofMinutes(1), 50, Duration.ofMinutes(10));

    for (int i = 0; i < 10_000; i++) {
      limiters.acquire("address:10.0." + (i / 256) + "." + (i % 256));
    }

    assertThat(limiters.devices()).isLessThanOrEqualTo(50);
  }
}
