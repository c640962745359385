package cl.zeues.occupation.projector.projection;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.projector.projection.PendingBatch.Flush;
import cl.zeues.occupation.projector.sheets.SheetsSettings;
import cl.zeues.occupation.sheets.ColumnLayout;
import cl.zeues.occupation.sheets.MetadataChain;
import cl.zeues.occupation.sheets.MetadataRow;
import cl.zeues.occupation.sheets.OperacionesCells;
import cl.zeues.occupation.sheets.VersionRule;
import cl.zeues.occupation.sheets.client.Backoff;
import cl.zeues.occupation.sheets.client.SheetRequests;
import cl.zeues.occupation.sheets.client.SheetsRequestException;
import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands flushes in the spreadsheet, exactly once per event. One flush costs one {@code
 * values.batchGet} (both header rows, the {@code TAG_SPOOL} and {@code version} columns, and the
 * {@code Metadata} ids appended since the last look), then at most one {@code values.batchUpdate}
 * (the owned cells of every spool whose row is older than its state) and one {@code values.append}
 * (the {@code Metadata} rows of events not yet there). The very first flush, and the first after a
 * layout change, read the header rows once more on their own.
 *
 * <p>The {@code Metadata} chain ({@link MetadataChain}): the same read takes the {@code Hash}
 * column beside the {@code ID} column, from the last row known down, so the flush knows the hash of
 * the sheet's actual last row (whoever wrote it: this instance, one that crashed before committing,
 * a {@code repair-sheets} run) and chains its new rows after it. A row found already there (an
 * event re-projected after a crash) is skipped and keeps its hash, so a flush repeated after a
 * crash continues the chain instead of forking it. Two writers appending at the same moment can
 * still fork it (there is no compare-and-set): the append's landing row shows it, and it is logged
 * and counted ({@code zeues.projection.metadata.chain.forks}).
 *
 * <p>Exactly once without transactions on the sheet: a row is only overwritten by a newer version
 * (the {@code version} cell), and an event's {@code Metadata} row is only appended when its id is
 * not in the {@code ID} column. Both checks read the sheet in the same flush, so a flush re-run
 * after a crash, or by another instance, writes nothing twice. What no check on Sheets can close is
 * a change between this flush's read and its write (there is no compare-and-set); the next flush's
 * header check catches a layout change, and sheets converge on the next event.
 *
 * <p>Confined to the single writer thread.
 */
final class SheetsProjection {

  private static final Logger log = LoggerFactory.getLogger(SheetsProjection.class);
  private static final Pattern LAST_ROW = Pattern.compile("(\\d+)$");
  private static final Pattern FIRST_ROW = Pattern.compile("![A-Z]+(\\d+)");

  private enum Outcome {
    LANDED,
    BLOCKED,
    AGAIN
  }

  private final SheetRequests requests;
  private final SheetsSettings sheets;
  private final ProjectionSettings settings;
  private final ProjectionStatus status;
  private final ProjectionMetrics metrics;
  private final Clock clock;
  private final Backoff failureBackoff;

  private @Nullable ColumnLayout operaciones;
  private @Nullable ColumnLayout metadata;
  private @Nullable List<ColumnLayout> candidate;
  private @Nullable Instant candidateSince;

  private final Set<String> metadataIds = new HashSet<>();
  private volatile boolean idsStale = true;
  private int metadataLastRow = 1;

  SheetsProjection(
      SheetRequests requests,
      SheetsSettings sheets,
      ProjectionSettings settings,
      ProjectionStatus status,
      ProjectionMetrics metrics,
      Clock clock) {
    this.requests = requests;
    this.sheets = sheets;
    this.settings = settings;
    this.status = status;
    this.metrics = metrics;
    this.clock = clock;
    this.failureBackoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
  }

  /**
   * Forgets the known {@code Metadata} ids: the next flush reads the whole {@code ID} column.
   * Called after a rebalance, since another instance may have appended meanwhile.
   */
  void forgetMetadataIds() {
    idsStale = true;
  }

  /**
   * Lands {@code flush}, retrying until it has: events are never dropped. An empty flush only
   * checks the layout (at start).
   *
   * @throws InterruptedException when the projector is stopping
   */
  void project(Flush flush) throws InterruptedException {
    Instant started = clock.instant();
    long writesBefore = requests.writeAttempts();
    int failures = 0;
    while (true) {
      checkInterrupted();
      try {
        switch (attempt(flush)) {
          case LANDED -> {
            int events = flush.events().size();
            status.flushed(clock.instant(), events);
            metrics.landed(
                events,
                (int) (requests.writeAttempts() - writesBefore),
                Duration.between(started, clock.instant()));
            return;
          }
          case AGAIN -> {}
          case BLOCKED -> Thread.sleep(settings.driftRecheckInterval().toMillis());
        }
      } catch (SheetsRequestException e) {
        idsStale = true;
        failures++;
        if (e.status() >= 400 && e.status() < 500) {
          String reason = e.getMessage();
          if (status.down(reason, List.of())) {
            log.error("sheets projection stopped: {}", reason);
          }
        } else {
          log.warn("{}; re-reading the sheet before trying again", e.getMessage());
        }
        Thread.sleep(
            failureBackoff
                .delay(failures, null, ThreadLocalRandom.current().nextDouble())
                .toMillis());
      }
    }
  }

  private Outcome attempt(Flush flush) throws InterruptedException, SheetsRequestException {
    if (operaciones == null || metadata == null) {
      List<ValueRange> headers =
          requests.batchGet(
              List.of(ColumnLayout.headerRange(op()), ColumnLayout.headerRange(md())));
      ColumnLayout readOp = layout(op(), headers, 0, OperacionesCells.REQUIRED);
      ColumnLayout readMd = layout(md(), headers, 1, MetadataRow.COLUMNS);
      if (!readOp.isComplete() || !readMd.isComplete()) {
        return blocked(missingReason(readOp, readMd), missingColumns(readOp, readMd));
      }
      operaciones = readOp;
      metadata = readMd;
    }
    ColumnLayout acceptedOp = operaciones;
    ColumnLayout acceptedMd = metadata;

    boolean withRows = !flush.spools().isEmpty();
    boolean withIds = !flush.events().isEmpty();
    int idsFrom = idsStale ? 1 : metadataLastRow;
    List<String> ranges =
        new ArrayList<>(List.of(ColumnLayout.headerRange(op()), ColumnLayout.headerRange(md())));
    if (withRows) {
      ranges.add(acceptedOp.columnRange(OperacionesCells.TAG_SPOOL, 1));
      ranges.add(acceptedOp.columnRange(OperacionesCells.VERSION, 1));
    }
    if (withIds) {
      ranges.add(acceptedMd.columnRange(MetadataRow.ID, idsFrom));
      ranges.add(acceptedMd.columnRange(MetadataRow.HASH, idsFrom));
    }
    List<ValueRange> read = requests.batchGet(ranges);

    ColumnLayout readOp = layout(op(), read, 0, OperacionesCells.REQUIRED);
    ColumnLayout readMd = layout(md(), read, 1, MetadataRow.COLUMNS);
    Outcome layoutCheck = checkLayout(readOp, readMd);
    if (layoutCheck != Outcome.LANDED) {
      return layoutCheck;
    }
    if (status.up()) {
      log.info("sheets projection resumed: {} and {} columns are in place", op(), md());
    }
    if (flush.isEmpty()) {
      return Outcome.LANDED;
    }

    List<ValueRange> updates =
        withRows ? rowUpdates(flush.spools(), values(read, 2), values(read, 3)) : List.of();
    int idsAt = withRows ? 4 : 2;
    MetadataAppend append =
        withIds
            ? metadataRows(flush.events(), values(read, idsAt), values(read, idsAt + 1), idsFrom)
            : MetadataAppend.NONE;
    if (append == null) {
      return Outcome.AGAIN;
    }
    List<List<Object>> rows = append.rows();

    if (!updates.isEmpty()) {
      checkInterrupted();
      requests.batchUpdate(updates);
    }
    if (!rows.isEmpty()) {
      checkInterrupted();
      AppendValuesResponse appended = requests.append(metadata.tableRange(), rows);
      flush.events().forEach(event -> metadataIds.add(event.eventId().toString()));
      metadataLastRow = Math.max(metadataLastRow, lastRow(appended, metadataLastRow));
      int landedAt = firstRow(appended);
      if (landedAt > 0 && landedAt != append.afterRow() + 1) {
        metrics.chainForked();
        log.warn(
            "{} rows landed at row {}, not under row {} whose Hash they are chained after: another"
                + " writer appended meanwhile, so the chain forks there (verify --sheets names"
                + " row {}; the rows themselves are as written)",
            md(),
            landedAt,
            append.afterRow(),
            landedAt);
      }
    }
    log.debug(
        "flushed {} events: {} rows updated, {} Metadata rows appended",
        flush.events().size(),
        updates.size() / OperacionesCells.OWNED.size(),
        rows.size());
    return Outcome.LANDED;
  }

  /**
   * Compares the header rows just read with the layout the last flush used. Unchanged required
   * columns: go on (other columns may come and go). A required column missing: stop until it is
   * back. Required columns moved: stop, and accept the new layout only once it has stayed the same
   * for {@code driftSettle} (people may still be rearranging); returning to the old layout resumes
   * at once.
   */
  private Outcome checkLayout(ColumnLayout readOp, ColumnLayout readMd) {
    ColumnLayout acceptedOp = operaciones;
    ColumnLayout acceptedMd = metadata;
    if (acceptedOp == null || acceptedMd == null) {
      throw new IllegalStateException("no accepted layout");
    }
    if (!readOp.isComplete() || !readMd.isComplete()) {
      candidate = null;
      return blocked(missingReason(readOp, readMd), missingColumns(readOp, readMd));
    }
    List<String> moved = new ArrayList<>();
    readOp.movedSince(acceptedOp).forEach(m -> moved.add(op() + "!" + m));
    readMd.movedSince(acceptedMd).forEach(m -> moved.add(md() + "!" + m));
    if (moved.isEmpty()) {
      candidate = null;
      operaciones = readOp;
      metadata = readMd;
      return Outcome.LANDED;
    }
    Instant now = clock.instant();
    List<ColumnLayout> seen = List.of(readOp, readMd);
    if (candidate == null
        || !candidate.get(0).sameHeader(readOp)
        || !candidate.get(1).sameHeader(readMd)) {
      candidate = seen;
      candidateSince = now;
    } else if (candidateSince != null
        && !now.isBefore(candidateSince.plus(settings.driftSettle()))) {
      log.warn(
          "column layout rebuilt: the moved columns {} kept their new place for {}; projecting"
              + " by the new header",
          moved,
          settings.driftSettle());
      operaciones = readOp;
      metadata = readMd;
      candidate = null;
      return Outcome.AGAIN;
    }
    return blocked(
        "required column(s) moved since the last flush: "
            + String.join(", ", moved)
            + "; nothing is written until the header is restored or stays put for "
            + settings.driftSettle(),
        moved.stream().map(m -> m.substring(0, m.indexOf(' '))).toList());
  }

  private Outcome blocked(String reason, List<String> columns) {
    if (status.down(reason, columns)) {
      log.error("sheets projection stopped (column drift): {}", reason);
    }
    return Outcome.BLOCKED;
  }

  private List<ValueRange> rowUpdates(
      Map<String, SpoolState> spools, List<List<Object>> tags, List<List<Object>> versions) {
    ColumnLayout layout = operaciones;
    Map<String, Integer> rowOf = new HashMap<>();
    Set<String> duplicated = new LinkedHashSet<>();
    for (int i = 1; i < tags.size(); i++) {
      List<Object> cells = tags.get(i);
      if (cells.isEmpty() || cells.get(0) == null) {
        continue;
      }
      String tag = cells.get(0).toString();
      if (spools.containsKey(tag) && rowOf.putIfAbsent(tag, i + 1) != null) {
        duplicated.add(tag);
      }
    }
    if (!duplicated.isEmpty()) {
      log.warn("{} has duplicated TAG_SPOOL {}: only the first row is projected", op(), duplicated);
    }
    List<ValueRange> updates = new ArrayList<>();
    spools.forEach(
        (tag, state) -> {
          Integer row = rowOf.get(tag);
          if (row == null) {
            log.warn("{} has no row with TAG_SPOOL {}: its occupation is not shown", op(), tag);
            return;
          }
          Object versionCell = cell(versions, row - 1);
          if (!VersionRule.isNewer(state.version(), versionCell)) {
            return;
          }
          OperacionesCells.of(state)
              .forEach(
                  (column, value) ->
                      updates.add(
                          new ValueRange()
                              .setRange(layout.cell(column, row))
                              .setValues(List.of(List.of(value)))));
        });
    return updates;
  }

  /**
   * Rows to append, chained after the {@code Hash} of {@code afterRow}, the sheet's last row when
   * read.
   */
  private record MetadataAppend(List<List<Object>> rows, int afterRow) {
    static final MetadataAppend NONE = new MetadataAppend(List.of(), 0);
  }

  /**
   * The rows of the events not yet in {@code Metadata}, chained after the sheet's last row; null
   * when the last row known is gone (rows were removed): the whole columns are read again.
   */
  private @Nullable MetadataAppend metadataRows(
      List<OccupationEvent> events,
      List<List<Object>> ids,
      List<List<Object>> hashes,
      int idsFrom) {
    int read = Math.max(ids.size(), hashes.size());
    if (read == 0 && !idsStale && idsFrom > 1) {
      log.warn("{} has no row {} any more; reading its ID column again", md(), idsFrom);
      idsStale = true;
      return null;
    }
    if (idsStale) {
      metadataIds.clear();
    }
    for (List<Object> cells : ids) {
      if (!cells.isEmpty() && cells.get(0) != null) {
        metadataIds.add(cells.get(0).toString());
      }
    }
    int lastRow = read > 0 ? idsFrom + read - 1 : 1;
    metadataLastRow = lastRow;
    idsStale = false;
    String previous =
        lastRow <= 1 ? MetadataChain.GENESIS : MetadataChain.after(cell(hashes, lastRow - idsFrom));
    List<Map<String, Object>> content = new ArrayList<>();
    Set<String> inThisFlush = new HashSet<>();
    for (OccupationEvent event : events) {
      String id = event.eventId().toString();
      if (metadataIds.contains(id) || !inThisFlush.add(id)) {
        continue;
      }
      content.add(MetadataRow.of(event));
    }
    ColumnLayout layout = metadata;
    List<List<Object>> rows = new ArrayList<>(content.size());
    MetadataChain.chain(content, previous).forEach(row -> rows.add(layout.row(row)));
    return new MetadataAppend(rows, lastRow);
  }

  /** The first row an append wrote, or -1 when the response does not say. */
  private static int firstRow(AppendValuesResponse response) {
    if (response.getUpdates() == null || response.getUpdates().getUpdatedRange() == null) {
      return -1;
    }
    Matcher matcher = FIRST_ROW.matcher(response.getUpdates().getUpdatedRange());
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  private static int lastRow(AppendValuesResponse response, int fallback) {
    if (response.getUpdates() == null || response.getUpdates().getUpdatedRange() == null) {
      return fallback;
    }
    Matcher matcher = LAST_ROW.matcher(response.getUpdates().getUpdatedRange());
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : fallback;
  }

  private static ColumnLayout layout(
      String sheet, List<ValueRange> read, int index, List<String> required) {
    List<List<Object>> rows = values(read, index);
    return ColumnLayout.of(sheet, rows.isEmpty() ? List.of() : rows.get(0), required);
  }

  private static List<List<Object>> values(List<ValueRange> read, int index) {
    if (index >= read.size() || read.get(index).getValues() == null) {
      return List.of();
    }
    return read.get(index).getValues();
  }

  private static @Nullable Object cell(List<List<Object>> column, int index) {
    if (index >= column.size() || column.get(index).isEmpty()) {
      return null;
    }
    return column.get(index).get(0);
  }

  private static String missingReason(ColumnLayout readOp, ColumnLayout readMd) {
    List<String> parts = new ArrayList<>();
    if (!readOp.isComplete()) {
      parts.add(readOp.sheet() + " misses required column(s) " + readOp.missing());
    }
    if (!readMd.isComplete()) {
      parts.add(readMd.sheet() + " misses required column(s) " + readMd.missing());
    }
    return String.join("; ", parts) + "; nothing is written until they are back";
  }

  private static List<String> missingColumns(ColumnLayout readOp, ColumnLayout readMd) {
    List<String> columns = new ArrayList<>(readOp.missing());
    columns.addAll(readMd.missing());
    return columns;
  }

  private String op() {
    return sheets.operaciones();
  }

  private String md() {
    return sheets.metadata();
  }

  private static void checkInterrupted() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("projection stopping");
    }
  }
}
