package cl.zeues.occupation.projector.projection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the events are projected into the sheets, prefix {@code zeues.projection} (environment {@code
 * ZEUES_PROJECTION_*}). The spreadsheet, its sheet names and the write budget are {@code
 * zeues.sheets.*}.
 *
 * @param enabled whether the projector runs at all (off for a catalog-import-only instance)
 * @param groupId the consumer group; instances sharing it share the partitions
 * @param maxEvents the most events one flush carries
 * @param maxWait how long the first event of a batch waits for more before the flush
 * @param rateWindow the sliding window of the write budget ({@code zeues.sheets.writes-per-minute}
 *     writes per window); a minute, as Google counts
 * @param backoffInitial the first retry delay of a failed Sheets request (then doubling, jittered)
 * @param backoffMax the longest retry delay
 * @param driftRecheckInterval how often the header is read again while projection is stopped
 * @param driftSettle how long moved required columns must stay in their new place before the
 *     projection accepts the new layout by itself (restoring the old layout resumes at once)
 * @param pollTimeout the longest a Kafka poll waits
 * @param lagInterval how often the projection lag (events behind the log end) is measured
 * @param shutdownTimeout how long stopping waits for the consumer thread
 */
@Validated
@ConfigurationProperties("zeues.projection")
public record ProjectionSettings(
    @DefaultValue("true") boolean enabled,
    @NotBlank @DefaultValue("sheets-projector") String groupId,
    @Min(1) @Max(10_000) @DefaultValue("2000") int maxEvents,
    @NotNull @DefaultValue("1s") Duration maxWait,
    @NotNull @DefaultValue("1m") Duration rateWindow,
    @NotNull @DefaultValue("1s") Duration backoffInitial,
    @NotNull @DefaultValue("1m") Duration backoffMax,
    @NotNull @DefaultValue("10s") Duration driftRecheckInterval,
    @NotNull @DefaultValue("2m") Duration driftSettle,
    @NotNull @DefaultValue("200ms") Duration pollTimeout,
    @NotNull @DefaultValue("5s") Duration lagInterval,
    @NotNull @DefaultValue("10s") Duration shutdownTimeout) {}
