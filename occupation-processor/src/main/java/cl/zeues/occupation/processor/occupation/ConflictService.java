package cl.zeues.occupation.processor.occupation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a fenced decision until it wins its write: an attempt that finds the spool changed under it
 * (an empty result) is a conflict, waited out with {@link RetryPolicy} backoff and tried again on
 * fresh state. Conflicts only happen when a second writer touches the spool (a fenced-out zombie
 * processor, a rebuild), so they are counted and logged.
 */
public final class ConflictService {

  /** Waits between attempts; tests replace it to record the waits. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Logger log = LoggerFactory.getLogger(ConflictService.class);

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final Counter conflicts;
  private final DistributionSummary attempts;

  public ConflictService(
      RetryPolicy policy, MeterRegistry registry, Sleeper sleeper, RandomGenerator random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
    this.conflicts =
        Counter.builder("zeues.occupation.conflicts")
            .description("Decisions whose fenced write lost to a concurrent writer")
            .register(registry);
    this.attempts =
        DistributionSummary.builder("zeues.occupation.attempts")
            .description("Attempts a decision needed to win its write")
            .register(registry);
  }

  /**
   * Runs {@code attempt} until it yields a result.
   *
   * @throws ConflictRetriesExhaustedException after {@link RetryPolicy#maxAttempts()} conflicts
   */
  public <T> T run(String tag, Supplier<Optional<T>> attempt) {
    return run(tag, attempt.get(), attempt);
  }

  /**
   * {@link #run} when the first attempt was already made elsewhere (with others, in one round trip)
   * and yielded {@code first}.
   */
  public <T> T run(String tag, Optional<T> first, Supplier<Optional<T>> attempt) {
    Optional<T> result = first;
    for (int n = 1; ; n++) {
      if (n > 1) {
        result = attempt.get();
      }
      if (result.isPresent()) {
        attempts.record(n);
        if (n > 1) {
          log.info("spool {}: decision written on attempt {} of {}", tag, n, policy.maxAttempts());
        }
        return result.get();
      }
      conflicts.increment();
      if (n >= policy.maxAttempts()) {
        attempts.record(n);
        throw new ConflictRetriesExhaustedException(
            "spool " + tag + ": write conflicted on all " + n + " attempts");
      }
      Duration wait = policy.delayAfter(n, random);
      log.warn(
          "spool {}: attempt {} of {} conflicted with a concurrent write; retrying in {} ms",
          tag,
          n,
          policy.maxAttempts(),
          wait.toMillis());
      pause(wait);
    }
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictRetriesExhaustedException("interrupted while waiting to retry");
    }
  }
}
