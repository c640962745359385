package cl.zeues.occupation.processor.occupation;

import java.time.Duration;

/**
 * What the store remembers of decided commands so that a retry with the same command id gets its
 * first reply. An accepted command is remembered for {@code accepted}: its record also lets a
 * redelivered batch republish the very same events. A rejected one changed nothing and costs
 * nothing to decide again, so it is remembered only for {@code rejected} and only the newest {@code
 * maxRejected} of them: a loop of rejected commands leaves at most that many records in Redis.
 */
public record RecordRetention(Duration accepted, Duration rejected, int maxRejected) {

  public RecordRetention {
    if (accepted.isNegative() || accepted.isZero() || rejected.isNegative() || rejected.isZero()) {
      throw new IllegalArgumentException(
          "command records are kept for a positive time: " + accepted + ", " + rejected);
    }
    if (maxRejected < 1) {
      throw new IllegalArgumentException("maxRejected " + maxRejected + " < 1");
    }
  }
}
