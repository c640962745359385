package cl.zeues.occupation.processor.occupation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the occupation processor, prefix {@code zeues.processor} (environment: {@code
 * ZEUES_PROCESSOR_*}). Kafka's address is Spring's {@code spring.kafka.bootstrap-servers}.
 *
 * @param redisUrl the Redis holding lock state
 * @param redisTimeout how long one Redis command may take before it counts as a failure
 * @param lease how long a TOMAR holds a spool before the sweeper expires it
 * @param lockGrace how long a lock key outlives its lease in Redis if nothing releases it (a
 *     backstop; expiry itself is always an event decided by the sweeper)
 * @param commandRetention how long an accepted command's record (reply and events) is remembered,
 *     so a retry with the same command id gets the first reply and a redelivery republishes the
 *     same events
 * @param rejectedRetention how long a rejected command's reply is remembered for a retry with the
 *     same command id; short, because rejections cost nothing to decide again and anyone who can
 *     send commands can send rejected ones
 * @param maxRejected how many rejected commands' replies are remembered at most; past it the oldest
 *     are forgotten first, so a flood of rejected commands never fills Redis
 * @param retry backoff for decisions whose fenced write lost a race
 * @param sweepInterval how often lapsed leases are looked for
 * @param concurrency listener threads (partitions are spread over them)
 * @param groupId the consumer group of all processor instances
 * @param transactionIdPrefix prefix of the transactional ids (a random suffix is added per
 *     instance)
 * @param catalogWait how long an unknown tag waits for the catalog to catch up before "not found"
 * @param topicReplicas replication factor of the topics the processor creates if missing
 * @param rebuildWait how long rebuilding a partition from the event log waits for transactions
 *     still open in it (a crashed instance's stays open until the broker aborts it after {@code
 *     transaction.timeout.ms}, 1 minute by default) before the batch is retried
 */
@Validated
@ConfigurationProperties("zeues.processor")
public record ProcessorSettings(
    @NotBlank @DefaultValue("redis://127.0.0.1:6379") String redisUrl,
    @NotNull @DefaultValue("2s") Duration redisTimeout,
    @NotNull @DefaultValue("12h") Duration lease,
    @NotNull @DefaultValue("1h") Duration lockGrace,
    @NotNull @DefaultValue("7d") Duration commandRetention,
    @NotNull @DefaultValue("10m") Duration rejectedRetention,
    @Min(1) @DefaultValue("50000") int maxRejected,
    @Valid @NotNull @DefaultValue Retry retry,
    @NotNull @DefaultValue("30s") Duration sweepInterval,
    @Min(1) @DefaultValue("2") int concurrency,
    @NotBlank @DefaultValue("zeues-processor") String groupId,
    @NotBlank @DefaultValue("zeues-processor-") String transactionIdPrefix,
    @NotNull @DefaultValue("2s") Duration catalogWait,
    @Min(1) @DefaultValue("1") short topicReplicas,
    @NotNull @DefaultValue("2m") Duration rebuildWait) {

  /** What the store remembers of decided commands, and for how long. */
  public RecordRetention recordRetention() {
    return new RecordRetention(commandRetention, rejectedRetention, maxRejected);
  }

  /** {@link RetryPolicy} as settings. */
  public record Retry(
      @Min(1) @DefaultValue("3") int maxAttempts,
      @NotNull @DefaultValue("100ms") Duration baseDelay,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("0.25") double jitter,
      @NotNull @DefaultValue("10s") Duration maxDelay) {

    public RetryPolicy policy() {
      return new RetryPolicy(maxAttempts, baseDelay, multiplier, jitter, maxDelay);
    }
  }
}
