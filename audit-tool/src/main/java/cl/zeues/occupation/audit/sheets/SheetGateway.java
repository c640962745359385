package cl.zeues.occupation.audit.sheets;

import cl.zeues.occupation.audit.log.CannotRunException;
import cl.zeues.occupation.audit.sheets.SheetSnapshot.Row;
import cl.zeues.occupation.sheets.ColumnLayout;
import cl.zeues.occupation.sheets.MetadataChain;
import cl.zeues.occupation.sheets.MetadataRow;
import cl.zeues.occupation.sheets.OperacionesCells;
import cl.zeues.occupation.sheets.VersionRule;
import cl.zeues.occupation.sheets.client.Backoff;
import cl.zeues.occupation.sheets.client.RequestListener;
import cl.zeues.occupation.sheets.client.SheetRequests;
import cl.zeues.occupation.sheets.client.SheetsClientSettings;
import cl.zeues.occupation.sheets.client.SheetsClients;
import cl.zeues.occupation.sheets.client.SheetsRequestException;
import cl.zeues.occupation.sheets.client.WriteRateLimiter;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The spreadsheet through the projector's client and request layer (sheets-rendering: same quota
 * spreading, same 429/5xx handling), with what a command-line tool needs on top: every request has
 * a deadline, and failures become one clear line ({@link CannotRunException}).
 */
public final class SheetGateway implements AutoCloseable {

  private final SheetsTarget target;
  private final SheetRequests requests;
  private final AtomicLong rateLimited = new AtomicLong();
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().daemon().name("sheets-deadline").unstarted(runnable));

  public SheetGateway(SheetsTarget target) {
    this.target = target;
    Sheets sheets;
    try {
      sheets =
          SheetsClients.create(
              new SheetsClientSettings(
                  target.rootUrl(),
                  target.credentialsFile(),
                  target.requestTimeout(),
                  "zeues-audit-tool"));
    } catch (Exception e) {
      throw new CannotRunException(
          "cannot set up the Sheets client for " + target.rootUrl() + ": " + e.getMessage(), e);
    }
    requests =
        new SheetRequests(
            sheets,
            target.spreadsheetId(),
            new WriteRateLimiter(target.writesPerMinute(), Duration.ofMinutes(1)),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)),
            (kind, outcome) -> {
              if (outcome == RequestListener.Outcome.RATE_LIMITED) {
                rateLimited.incrementAndGet();
              }
            });
  }

  public SheetsTarget target() {
    return target;
  }

  /** Write requests sent so far, retries included. */
  public long writes() {
    return requests.writeAttempts();
  }

  /** Requests answered 429 (and retried) so far. */
  public long rateLimited() {
    return rateLimited.get();
  }

  /** The header rows of both sheets. */
  public List<List<Object>> headers() {
    List<ValueRange> read =
        call(
            "read the header rows",
            target.requestTimeout(),
            () ->
                requests.batchGet(
                    List.of(
                        ColumnLayout.headerRange(target.operaciones()),
                        ColumnLayout.headerRange(target.metadata()))));
    return List.of(firstRow(read, 0), firstRow(read, 1));
  }

  /** Reads the owned {@code Operaciones} columns and the whole {@code Metadata} table. */
  public SheetSnapshot read() {
    List<List<Object>> headers = headers();
    ColumnLayout op = layout(target.operaciones(), headers.get(0), OperacionesCells.REQUIRED);
    ColumnLayout md = layout(target.metadata(), headers.get(1), MetadataRow.COLUMNS);
    List<String> ranges = new ArrayList<>();
    List<String> opNames = new ArrayList<>(op.columns().keySet());
    for (String name : opNames) {
      ranges.add(op.columnRange(name, 2));
    }
    ranges.add(md.tableRange(2));
    List<ValueRange> read =
        call(
            "read " + target.operaciones() + " and " + target.metadata(),
            target.giveUpAfter(),
            () -> requests.batchGet(ranges));

    int rows = 0;
    for (int i = 0; i < opNames.size(); i++) {
      rows = Math.max(rows, values(read, i).size());
    }
    List<Row> operaciones = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      Map<String, Object> cells = new HashMap<>();
      for (int i = 0; i < opNames.size(); i++) {
        List<List<Object>> column = values(read, i);
        if (r < column.size() && !column.get(r).isEmpty() && column.get(r).get(0) != null) {
          cells.put(opNames.get(i), column.get(r).get(0));
        }
      }
      operaciones.add(new Row(r + 2, cells));
    }
    List<List<Object>> table = values(read, opNames.size());
    List<Row> metadata = new ArrayList<>(table.size());
    for (int r = 0; r < table.size(); r++) {
      Map<String, Object> cells = md.byHeader(table.get(r));
      if (!cells.isEmpty()) {
        metadata.add(new Row(r + 2, cells));
      }
    }
    return new SheetSnapshot(op, operaciones, md, metadata);
  }

  /** The {@code Metadata} sheet alone: where its columns are, and its rows as read. */
  public record MetadataSheet(ColumnLayout layout, List<MetadataChain.SheetRow> rows) {

    /** The hash chain of these rows, recomputed from the top. */
    public MetadataChain.Check chain(int maxBreaks) {
      return MetadataChain.check(rows, maxBreaks);
    }
  }

  /**
   * Reads the whole {@code Metadata} table (its header first, to find the columns), without {@code
   * Operaciones}: all the hash chain needs.
   */
  public MetadataSheet readMetadata() {
    List<ValueRange> header =
        call(
            "read the " + target.metadata() + " header",
            target.requestTimeout(),
            () -> requests.batchGet(List.of(ColumnLayout.headerRange(target.metadata()))));
    ColumnLayout md = layout(target.metadata(), firstRow(header, 0), MetadataRow.COLUMNS);
    List<List<Object>> table = read("read " + target.metadata(), List.of(md.tableRange(2))).get(0);
    List<MetadataChain.SheetRow> rows = new ArrayList<>(table.size());
    for (int r = 0; r < table.size(); r++) {
      Map<String, Object> cells = md.byHeader(table.get(r));
      if (!cells.isEmpty()) {
        rows.add(new MetadataChain.SheetRow(r + 2, cells));
      }
    }
    return new MetadataSheet(md, rows);
  }

  /**
   * Where {@code Metadata} ends now: its last row and what a row appended under it chains after.
   *
   * @param lastRow 1 when only the header is there
   * @param previous the last row's {@code Hash}, or {@link MetadataChain#GENESIS}
   */
  public record MetadataTail(int lastRow, String previous) {}

  /**
   * Reads the {@code ID} and {@code Hash} columns to find the last {@code Metadata} row, right
   * before appending under it (the projector may have appended since the sheet was read).
   */
  public MetadataTail metadataTail(ColumnLayout md) {
    List<List<List<Object>>> columns =
        read(
            "read the last " + md.sheet() + " row",
            List.of(md.columnRange(MetadataRow.ID, 1), md.columnRange(MetadataRow.HASH, 1)));
    List<List<Object>> hashes = columns.get(1);
    int lastRow = Math.max(1, Math.max(columns.get(0).size(), hashes.size()));
    if (lastRow == 1) {
      return new MetadataTail(1, MetadataChain.GENESIS);
    }
    List<Object> cell = lastRow - 1 < hashes.size() ? hashes.get(lastRow - 1) : List.of();
    return new MetadataTail(lastRow, MetadataChain.after(cell.isEmpty() ? null : cell.get(0)));
  }

  /** Reads {@code ranges} unformatted, row by row. */
  public List<List<List<Object>>> read(String what, List<String> ranges) {
    List<ValueRange> read = call(what, target.giveUpAfter(), () -> requests.batchGet(ranges));
    List<List<List<Object>>> values = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      values.add(values(read, i));
    }
    return values;
  }

  /**
   * Adds the sheets of {@code titles} the spreadsheet does not have yet (one write request when any
   * is missing); returns the ones added.
   */
  public List<String> addMissingSheets(List<String> titles) {
    Spreadsheet spreadsheet = call("describe", target.requestTimeout(), requests::spreadsheet);
    Set<String> present = new HashSet<>();
    if (spreadsheet.getSheets() != null) {
      for (Sheet sheet : spreadsheet.getSheets()) {
        present.add(sheet.getProperties().getTitle().toLowerCase(Locale.ROOT));
      }
    }
    List<String> missing =
        titles.stream().filter(t -> !present.contains(t.toLowerCase(Locale.ROOT))).toList();
    if (!missing.isEmpty()) {
      List<Request> adds =
          missing.stream()
              .map(
                  title ->
                      new Request()
                          .setAddSheet(
                              new AddSheetRequest()
                                  .setProperties(new SheetProperties().setTitle(title))))
              .toList();
      call(
          "add sheets " + missing,
          target.giveUpAfter(),
          () -> {
            requests.updateSpreadsheet(adds);
            return null;
          });
    }
    return missing;
  }

  /**
   * The {@code Operaciones} rows whose {@code version} cell no longer holds what {@code snapshot}
   * read: the projector wrote them since, so a repair must leave them alone (Sheets has no
   * compare-and-set; this narrows the window to the time between this read and the write).
   */
  public Set<Integer> rowsChangedSince(SheetSnapshot snapshot, Set<Integer> rows) {
    if (rows.isEmpty()) {
      return Set.of();
    }
    List<List<Object>> versions =
        read(
                "re-read the version column",
                List.of(snapshot.operacionesLayout().columnRange(OperacionesCells.VERSION, 2)))
            .get(0);
    Map<Integer, Row> before = new HashMap<>();
    snapshot.operaciones().forEach(row -> before.put(row.row(), row));
    Set<Integer> changed = new HashSet<>();
    for (int row : rows) {
      int index = row - 2;
      Object now =
          index < versions.size() && !versions.get(index).isEmpty()
              ? versions.get(index).get(0)
              : null;
      Row old = before.get(row);
      Object then = old == null ? null : old.raw(OperacionesCells.VERSION);
      if (VersionRule.rowVersion(now) != VersionRule.rowVersion(then)) {
        changed.add(row);
      }
    }
    return changed;
  }

  /** Writes cells, {@code RAW}, in requests of at most {@code perRequest} ranges. */
  public void update(List<ValueRange> cells, int perRequest) {
    for (int from = 0; from < cells.size(); from += perRequest) {
      List<ValueRange> chunk = cells.subList(from, Math.min(cells.size(), from + perRequest));
      call(
          "write " + chunk.size() + " cells",
          target.giveUpAfter(),
          () -> {
            requests.batchUpdate(List.copyOf(chunk));
            return null;
          });
    }
  }

  /** Appends rows after the table in {@code range}, {@code RAW}, inserting rows. */
  public void append(String range, List<List<Object>> rows) {
    call(
        "append " + rows.size() + " rows",
        target.giveUpAfter(),
        () -> requests.append(range, rows));
  }

  /**
   * Where {@code required} are in {@code sheet}'s header row.
   *
   * @throws CannotRunException naming the columns the header lacks
   */
  static ColumnLayout layout(String sheet, List<Object> header, List<String> required) {
    ColumnLayout layout = ColumnLayout.of(sheet, header, required);
    if (!layout.isComplete()) {
      throw new CannotRunException(sheet + " misses required column(s) " + layout.missing());
    }
    return layout;
  }

  private interface Call<T> {
    T run() throws InterruptedException, SheetsRequestException;
  }

  /**
   * Runs one request under a deadline: the projector's request layer retries 429, 5xx and broken
   * connections without end (right for a service), so the tool interrupts it when the deadline
   * passes and says so.
   */
  private <T> T call(String what, Duration deadline, Call<T> request) {
    Thread caller = Thread.currentThread();
    ScheduledFuture<?> alarm =
        watchdog.schedule(caller::interrupt, deadline.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return request.run();
    } catch (InterruptedException e) {
      throw new CannotRunException(
          "Sheets at "
              + target.rootUrl()
              + " did not "
              + what
              + " of spreadsheet "
              + target.spreadsheetId()
              + " within "
              + deadline.toSeconds()
              + "s (unreachable, or rate-limited throughout)");
    } catch (SheetsRequestException e) {
      throw new CannotRunException(
          "cannot "
              + what
              + " of spreadsheet "
              + target.spreadsheetId()
              + " at "
              + target.rootUrl()
              + ": "
              + (e.status() == 404 ? "no such spreadsheet" : e.getMessage()),
          e);
    } finally {
      alarm.cancel(false);
      Thread.interrupted(); // an alarm that fired after the request returned must not linger
    }
  }

  private static List<Object> firstRow(List<ValueRange> read, int index) {
    List<List<Object>> rows = values(read, index);
    return rows.isEmpty() ? List.of() : rows.get(0);
  }

  private static List<List<Object>> values(List<ValueRange> read, int index) {
    if (index >= read.size() || read.get(index).getValues() == null) {
      return List.of();
    }
    return read.get(index).getValues();
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
