package cl.zeues.occupation.projector.projection;

import cl.zeues.occupation.domain.EstadoDetalle;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import com.google.api.services.sheets.v4.Sheets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The projection's rendering and Sheets request handling as a public facade for tools outside this
 * module (the audit tool), while the classes behind it stay package-private: a tool shows and
 * compares exactly what the projector writes (same cells, same Metadata rows, same formats, same
 * formula neutralising, same quota and 429 handling) instead of a copy that could drift from it.
 * Nothing here holds state or starts Spring.
 */
public final class ProjectorRendering {

  /** The {@code Operaciones} columns the projection owns, in the order it sends them. */
  public static final List<String> OWNED_COLUMNS = OperacionesCells.OWNED;

  /** The {@code Operaciones} columns the projection needs: the owned ones and {@code TAG_SPOOL}. */
  public static final List<String> REQUIRED_COLUMNS = OperacionesCells.REQUIRED;

  public static final String TAG_SPOOL = OperacionesCells.TAG_SPOOL;
  public static final String VERSION = OperacionesCells.VERSION;

  /** The 11 {@code Metadata} columns, in the order the projector appends them. */
  public static final List<String> METADATA_COLUMNS = MetadataRow.HEADERS;

  public static final String METADATA_ID = MetadataRow.ID;

  private ProjectorRendering() {}

  /** The owned cells of a spool's row for {@code state}: header name to value. */
  public static Map<String, Object> operacionesCells(SpoolState state) {
    return OperacionesCells.of(state);
  }

  /** The {@code Metadata} row of {@code event}: header name to value. */
  public static Map<String, Object> metadataRow(OccupationEvent event) {
    return MetadataRow.of(event);
  }

  /** The row's action word: {@code TOMAR}, {@code PAUSAR}, ... {@code EXPIRAR}, {@code LIBERAR}. */
  public static String accion(OccupationEvent event) {
    return MetadataRow.accion(event);
  }

  public static String estadoDetalle(SpoolState state) {
    return EstadoDetalle.of(state);
  }

  /** A leading {@code = + - @}, tab or CR gets a {@code '} in front. */
  public static String neutralize(@Nullable String value) {
    return FormulaNeutralizer.neutralize(value);
  }

  /** {@code DD-MM-YYYY HH:MM:SS} in Chilean time. */
  public static String timestamp(@Nullable Instant instant) {
    return SheetFormats.timestamp(instant);
  }

  /** {@code DD-MM-YYYY}, the Chilean calendar date of {@code instant}. */
  public static String date(@Nullable Instant instant) {
    return SheetFormats.date(instant);
  }

  public static String date(@Nullable LocalDate date) {
    return SheetFormats.date(date);
  }

  /** A {@code version} cell as the projector reads it (number or numeric text; else 0). */
  public static long rowVersion(@Nullable Object cell) {
    return VersionRule.rowVersion(cell);
  }

  /**
   * How long the projector waits before retry {@code attempt} (from 1) of a failed request: its
   * jittered exponential backoff, never less than the server's {@code Retry-After} (seconds).
   */
  public static Duration retryDelay(
      int attempt, @Nullable String retryAfterHeader, Duration initial, Duration max) {
    return new Backoff(initial, max)
        .delay(
            attempt,
            SheetRequests.retryAfter(retryAfterHeader),
            java.util.concurrent.ThreadLocalRandom.current().nextDouble());
  }

  /**
   * The projector's request layer over {@code sheets}: writes held under {@code writesPerMinute}
   * (spread evenly), 429 and 5xx retried with jittered backoff honouring {@code Retry-After}.
   */
  public static ProjectorRequests requests(
      Sheets sheets,
      String spreadsheetId,
      int writesPerMinute,
      Duration backoffInitial,
      Duration backoffMax) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SheetRequests requests =
        new SheetRequests(
            sheets,
            spreadsheetId,
            new WriteRateLimiter(writesPerMinute, Duration.ofMinutes(1)),
            new Backoff(backoffInitial, backoffMax),
            new ProjectionMetrics(registry, new ProjectionStatus()));
    return new ProjectorRequests(requests, registry);
  }
}
