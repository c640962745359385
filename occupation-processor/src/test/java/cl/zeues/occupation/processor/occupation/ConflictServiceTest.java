package cl.zeues.occupation.processor.occupation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ConflictServiceTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final List<Duration> waits = new ArrayList<>();

  ConflictService service(RetryPolicy policy, RandomGenerator random) {
    return new ConflictService(policy, registry, waits::add, random);
  }

  /** A random source that always answers the middle of its range: no jitter. */
  static RandomGenerator middle() {
    return () -> Long.MIN_VALUE;
  }

  @Test
  void aWriteThatWinsFirstNeedsNoRetry() {
    String result = service(RetryPolicy.DEFAULT, middle()).run("T", () -> Optional.of("done"));

    assertThat(result).isEqualTo("done");
    assertThat(waits).isEmpty();
    assertThat(registry.counter("zeues.occupation.conflicts").count()).isZero();
  }

  @Test
  void versionMismatchIsAConflictRetriedOnFreshState() {
    AtomicInteger attempts = new AtomicInteger();

    String result =
        service(RetryPolicy.DEFAULT, new Random(1))
            .run(
                "T", () -> attempts.incrementAndGet() == 1 ? Optional.empty() : Optional.of("won"));

    assertThat(result).isEqualTo("won");
    assertThat(attempts).hasValue(2);
    assertThat(registry.counter("zeues.occupation.conflicts").count()).isEqualTo(1);
    assertThat(registry.summary("zeues.occupation.attempts").max()).isEqualTo(2);
  }

  @Test
  void retryWaitsGrowExponentially() {
    RetryPolicy policy =
        new RetryPolicy(4, Duration.ofMillis(100), 2.0, 0.0, Duration.ofSeconds(10));
    AtomicInteger attempts = new AtomicInteger();

    service(policy, new Random(7))
        .run("T", () -> attempts.incrementAndGet() < 4 ? Optional.empty() : Optional.of(1));

    assertThat(waits)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void maxAttemptsRespected() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                service(RetryPolicy.DEFAULT, new Random(3))
                    .run(
                        "MK-1",
                        () -> {
                          attempts.incrementAndGet();
                          return Optional.empty();
                        }))
        .isInstanceOf(ConflictRetriesExhaustedException.class)
        .hasMessageContaining("MK-1")
        .hasMessageContaining("3 attempts");
    assertThat(attempts).hasValue(3);
    assertThat(waits).hasSize(2);
    assertThat(registry.counter("zeues.occupation.conflicts").count()).isEqualTo(3);
  }

  @Test
  void jitterAppliedWithinPlusMinus25Percent() {
    RetryPolicy policy = RetryPolicy.DEFAULT;
    Random random = new Random(42);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      delays.add(policy.delayAfter(1, random).toMillis());
    }

    assertThat(delays).allSatisfy(ms -> assertThat(ms).isBetween(75L, 125L));
    assertThat(delays.stream().distinct().count()).isGreaterThan(20);
    assertThat(delays.stream().mapToLong(Long::longValue).min().getAsLong()).isLessThan(85);
    assertThat(delays.stream().mapToLong(Long::longValue).max().getAsLong()).isGreaterThan(115);
  }

  @Test
  void delaysAreCappedAtTheMaximum() {
    RetryPolicy policy =
        new RetryPolicy(20, Duration.ofMillis(100), 2.0, 0.25, Duration.ofSeconds(10));

    assertThat(policy.delayAfter(15, new Random(5))).isEqualTo(Duration.ofSeconds(10));
  }
}
