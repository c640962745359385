package cl.zeues.occupation.audit.sheets;

import cl.zeues.occupation.audit.log.CannotRunException;
import cl.zeues.occupation.audit.sheets.SheetSnapshot.Row;
import cl.zeues.occupation.projector.projection.ProjectorRendering;
import cl.zeues.occupation.projector.projection.ProjectorRequests;
import cl.zeues.occupation.projector.projection.ProjectorRequests.SheetsFailure;
import cl.zeues.occupation.projector.sheets.HeaderNames;
import cl.zeues.occupation.projector.sheets.ProjectorSheetsClient;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The spreadsheet through the projector's client and request layer (same quota spreading, same
 * 429/5xx handling), with what a command-line tool needs on top: every request has a deadline, and
 * failures become one clear line ({@link CannotRunException}).
 */
public final class SheetGateway implements AutoCloseable {

  private final SheetsTarget target;
  private final Sheets sheets;
  private final ProjectorRequests requests;
  private final java.util.concurrent.atomic.AtomicLong directRateLimited =
      new java.util.concurrent.atomic.AtomicLong();
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().daemon().name("sheets-deadline").unstarted(runnable));

  public SheetGateway(SheetsTarget target) {
    this.target = target;
    try {
      sheets =
          ProjectorSheetsClient.create(
              target.rootUrl(), target.credentialsFile(), target.requestTimeout());
    } catch (Exception e) {
      throw new CannotRunException(
          "cannot set up the Sheets client for " + target.rootUrl() + ": " + e.getMessage(), e);
    }
    requests =
        ProjectorRendering.requests(
            sheets,
            target.spreadsheetId(),
            target.writesPerMinute(),
            Duration.ofSeconds(1),
            Duration.ofSeconds(30));
  }

  public SheetsTarget target() {
    return target;
  }

  public Sheets sheets() {
    return sheets;
  }

  /** Write requests sent so far, retries included. */
  public long writes() {
    return requests.writeAttempts();
  }

  /** Requests answered 429 (and retried) so far. */
  public long rateLimited() {
    return requests.rateLimited() + directRateLimited.get();
  }

  /** The header rows of both sheets. */
  public List<List<Object>> headers() {
    List<ValueRange> read =
        call(
            "read the header rows",
            target.requestTimeout(),
            () ->
                requests.batchGet(
                    List.of(headerRange(target.operaciones()), headerRange(target.metadata()))));
    return List.of(firstRow(read, 0), firstRow(read, 1));
  }

  /** Reads the owned {@code Operaciones} columns and the whole {@code Metadata} table. */
  public SheetSnapshot read() {
    List<List<Object>> headers = headers();
    Map<String, Integer> opColumns =
        columns(target.operaciones(), headers.get(0), ProjectorRendering.REQUIRED_COLUMNS);
    Map<String, Integer> mdColumns =
        columns(target.metadata(), headers.get(1), ProjectorRendering.METADATA_COLUMNS);
    List<String> ranges = new ArrayList<>();
    List<String> opNames = new ArrayList<>(opColumns.keySet());
    for (String name : opNames) {
      String letters = HeaderNames.letters(opColumns.get(name));
      ranges.add(HeaderNames.sheetRef(target.operaciones()) + "!" + letters + "2:" + letters);
    }
    int first = mdColumns.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    int last = mdColumns.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    ranges.add(
        HeaderNames.sheetRef(target.metadata())
            + "!"
            + HeaderNames.letters(first)
            + "2:"
            + HeaderNames.letters(last));
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
      List<Object> cellsRead = table.get(r);
      Map<String, Object> cells = new HashMap<>();
      mdColumns.forEach(
          (name, column) -> {
            int index = column - first;
            if (index < cellsRead.size() && cellsRead.get(index) != null) {
              cells.put(name, cellsRead.get(index));
            }
          });
      if (!cells.isEmpty()) {
        metadata.add(new Row(r + 2, cells));
      }
    }
    return new SheetSnapshot(
        target.operaciones(), target.metadata(), opColumns, operaciones, mdColumns, metadata);
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
    Spreadsheet spreadsheet =
        call(
            "describe",
            target.requestTimeout(),
            () -> direct(true, () -> sheets.spreadsheets().get(target.spreadsheetId()).execute()));
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
          () ->
              direct(
                  false,
                  () ->
                      sheets
                          .spreadsheets()
                          .batchUpdate(
                              target.spreadsheetId(),
                              new BatchUpdateSpreadsheetRequest().setRequests(adds))
                          .execute()));
    }
    return missing;
  }

  private interface Direct<T> {
    T execute() throws java.io.IOException;
  }

  /**
   * A request outside the projector's request layer (it has no spreadsheet-level calls), retried
   * like that layer retries: 429 always, after {@code Retry-After}; 5xx and broken connections only
   * for reads (an add may have landed; running the command again finds it).
   */
  private <T> T direct(boolean idempotent, Direct<T> request)
      throws SheetsFailure, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      String retryAfter = null;
      try {
        return request.execute();
      } catch (com.google.api.client.http.HttpResponseException e) {
        int status = e.getStatusCode();
        if (status != 429 && !(status >= 500 && idempotent)) {
          throw ProjectorRequests.failure(status, firstLine(e.getMessage()), e);
        }
        if (status == 429) {
          directRateLimited.incrementAndGet();
        }
        retryAfter = e.getHeaders().getRetryAfter();
      } catch (java.io.IOException e) {
        if (e instanceof java.io.InterruptedIOException || Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("interrupted");
        }
        if (!idempotent) {
          throw ProjectorRequests.failure(0, String.valueOf(e.getMessage()), e);
        }
      }
      Thread.sleep(
          ProjectorRendering.retryDelay(
                  attempt, retryAfter, Duration.ofSeconds(1), Duration.ofSeconds(30))
              .toMillis());
    }
  }

  private static String firstLine(@org.jspecify.annotations.Nullable String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
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
    String letters =
        HeaderNames.letters(snapshot.operacionesColumns().get(ProjectorRendering.VERSION));
    List<List<Object>> versions =
        read(
                "re-read the version column",
                List.of(
                    HeaderNames.sheetRef(snapshot.operacionesSheet())
                        + "!"
                        + letters
                        + "2:"
                        + letters))
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
      Object then = old == null ? null : old.raw(ProjectorRendering.VERSION);
      if (ProjectorRendering.rowVersion(now) != ProjectorRendering.rowVersion(then)) {
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

  /** The range of the {@code Metadata} table: its first to its last column. */
  public static String tableRange(String sheet, Map<String, Integer> columns) {
    int first = columns.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    int last = columns.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    return HeaderNames.sheetRef(sheet)
        + "!"
        + HeaderNames.letters(first)
        + ":"
        + HeaderNames.letters(last);
  }

  /** One {@code Metadata} row laid out by the sheet's own columns. */
  public static List<Object> metadataRow(
      Map<String, Object> byHeader, Map<String, Integer> columns) {
    int first = columns.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    int last = columns.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    List<Object> row = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      row.add("");
    }
    byHeader.forEach(
        (name, value) -> {
          Integer column = columns.get(name);
          if (column != null) {
            row.set(column - first, value);
          }
        });
    return row;
  }

  static Map<String, Integer> columns(String sheet, List<Object> header, List<String> required) {
    HeaderNames names = HeaderNames.of(header);
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String name : required) {
      Optional<Integer> index = names.indexOf(name);
      if (index.isPresent()) {
        columns.put(name, index.get());
      } else {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new CannotRunException(sheet + " misses required column(s) " + missing);
    }
    return columns;
  }

  private interface Call<T> {
    T run() throws InterruptedException, SheetsFailure;
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
    } catch (SheetsFailure e) {
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

  private static String headerRange(String sheet) {
    return HeaderNames.sheetRef(sheet) + "!1:1";
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
