package cl.zeues.occupation.topicreader;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * How long {@link TopicRead#readToEnd} may take before it gives up with an {@link
 * EndNotReachedException}.
 *
 * @param poll the longest one poll waits for records
 * @param deadline the longest the whole read may take; null: no limit
 * @param stall the longest the read may go without a record and without a partition reaching its
 *     end; null: no limit
 * @param apiTimeout the longest one position or offsets request may take; null: the consumer's
 *     {@code default.api.timeout.ms}
 */
public record ReadLimits(
    Duration poll,
    @Nullable Duration deadline,
    @Nullable Duration stall,
    @Nullable Duration apiTimeout) {

  private static final Duration POLL = Duration.ofMillis(200);

  /** Reads for as long as it takes (until the consumer is woken up or closed). */
  public static ReadLimits none() {
    return new ReadLimits(POLL, null, null, null);
  }

  /** The whole read within {@code deadline}. */
  public static ReadLimits within(Duration deadline) {
    return new ReadLimits(POLL, deadline, null, null);
  }

  /** Gives up after {@code stall} without progress, however long the whole read takes. */
  public static ReadLimits stallingAfter(Duration stall) {
    return new ReadLimits(POLL, null, stall, null);
  }

  public ReadLimits withPoll(Duration poll) {
    return new ReadLimits(poll, deadline, stall, apiTimeout);
  }

  public ReadLimits withApiTimeout(Duration apiTimeout) {
    return new ReadLimits(poll, deadline, stall, apiTimeout);
  }

  /**
   * @param started when the read started ({@link System#nanoTime()})
   * @param lastProgress when a record last came or a partition last reached its end
   * @param unfinished the partitions not at their end yet, with their ends
   */
  void check(long started, long lastProgress, Map<TopicPartition, Long> unfinished) {
    long now = System.nanoTime();
    if (deadline != null && now - started > deadline.toNanos()) {
      throw new EndNotReachedException(
          unfinished, "not read to their end within " + deadline.toMillis() + " ms");
    }
    if (stall != null && now - lastProgress > stall.toNanos()) {
      throw new EndNotReachedException(
          unfinished, "no records for " + stall.toMillis() + " ms before their end");
    }
  }
}
