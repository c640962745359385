package cl.zeues.occupation.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The command API's settings, prefix {@code zeues.api}.
 *
 * @param replyTimeout how long a request waits for the processor's reply before answering 202
 * @param publishTimeout bound on publishing one command (producer {@code max.block.ms} and {@code
 *     delivery.timeout.ms}): a dead broker answers 503 after at most this long
 * @param healthTimeout bound on the Kafka readiness check (AdminClient describeCluster)
 * @param adminToken deprecated alias of {@code zeues.security.bootstrap-admin-token}
 * @param maxBatch most tags one batch-tomar may carry
 * @param maxBodySize largest request body accepted (413 above it)
 * @param replyGroupPrefix prefix of this instance's reply consumer group (a random suffix makes it
 *     unique per instance, so every instance sees every reply)
 * @param unknownKeyTtl how long a worker id or bearer token found unknown (after catching up with
 *     its topic) is answered unknown from memory, without asking the broker again; the topic
 *     delivering that key ends it at once. Zero: every miss asks the broker
 * @param maxInFlight most commands this instance awaits a reply for at once; above it a command is
 *     refused with 503 (and Retry-After) instead of growing the pending replies without bound
 */
@Validated
@ConfigurationProperties("zeues.api")
public record ApiSettings(
    @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration replyTimeout,
    @NotNull @DurationMin(millis = 100) @DefaultValue("3s") Duration publishTimeout,
    @NotNull @DurationMin(millis = 100) @DefaultValue("2s") Duration healthTimeout,
    @Nullable String adminToken,
    @Min(1) @Max(1000) @DefaultValue("50") int maxBatch,
    @NotNull @DefaultValue("1MB") DataSize maxBodySize,
    @NotBlank @DefaultValue("zeues-api-") String replyGroupPrefix,
    @NotNull @DefaultValue("5s") Duration unknownKeyTtl,
    @Min(1) @DefaultValue("2000") int maxInFlight) {}
