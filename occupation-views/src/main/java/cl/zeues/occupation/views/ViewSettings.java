package cl.zeues.occupation.views;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The read side's settings, prefix {@code zeues.views}.
 *
 * @param readYourWritesWait how long a read waits for a version the API already answered (then it
 *     answers with what the view has, and says so with {@code X-View-Stale: true})
 * @param catalogWait how long a lookup of a tag missing from the spool catalog waits for the
 *     catalog to catch up with its topic before answering 404
 * @param statusRoute whether this module serves {@code GET /api/occupation/status/{tag}}; false
 *     leaves the path to the host application
 */
@Validated
@ConfigurationProperties("zeues.views")
public record ViewSettings(
    @NotNull @DefaultValue("2s") Duration readYourWritesWait,
    @NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration catalogWait,
    @DefaultValue("true") boolean statusRoute,
    @NotNull @Valid @DefaultValue Sse sse) {

  /**
   * The live stream's bounds.
   *
   * @param maxConnections connections served at once; one more is answered 503 at once
   * @param bufferSize updates queued per connection; a client that lets them pile up is dropped
   * @param replaySize updates kept for clients resuming with {@code Last-Event-ID}
   * @param heartbeat how often an idle connection gets a comment (keeps proxies from closing it and
   *     notices clients that have gone)
   * @param maxConnectionAge a connection is ended after this long; the client reconnects with its
   *     {@code Last-Event-ID} and misses nothing
   * @param reconnectAfter the SSE {@code retry} sent to clients
   */
  public record Sse(
      @Min(1) @Max(100_000) @DefaultValue("256") int maxConnections,
      @Min(1) @Max(1_000_000) @DefaultValue("1000") int bufferSize,
      @Min(1) @Max(10_000_000) @DefaultValue("10000") int replaySize,
      @NotNull @DurationMin(millis = 10) @DefaultValue("15s") Duration heartbeat,
      @NotNull @DurationMin(seconds = 1) @DefaultValue("30m") Duration maxConnectionAge,
      @NotNull @DurationMin(millis = 100) @DefaultValue("3s") Duration reconnectAfter) {}
}
