package cl.zeues.occupation.sheets.client;

import com.google.api.client.http.HttpResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sheets calls the projector and the audit tool make, through the real client, each one
 * counted, writes held under the rate budget, and failures sorted: 429 and 5xx are retried here
 * with backoff (honouring {@code Retry-After}), everything else is the caller's problem, as a
 * {@link SheetsRequestException}. Retries have no end: a caller that needs a deadline interrupts
 * the calling thread.
 *
 * <p>An append is not idempotent: one that failed with a 5xx or a broken connection may still have
 * landed, so it is not retried blindly here; the caller re-reads the {@code Metadata} ids first. A
 * 429 is a refusal, so a rate-limited append is retried like any other request. The same holds for
 * a spreadsheet update (adding sheets).
 */
public final class SheetRequests {

  private static final Logger log = LoggerFactory.getLogger(SheetRequests.class);

  private final Sheets sheets;
  private final String spreadsheetId;
  private final WriteRateLimiter limiter;
  private final Backoff backoff;
  private final RequestListener listener;
  private final AtomicLong writeAttempts = new AtomicLong();

  /**
   * @param listener told the outcome of every request sent, retries included
   */
  public SheetRequests(
      Sheets sheets,
      String spreadsheetId,
      WriteRateLimiter limiter,
      Backoff backoff,
      RequestListener listener) {
    this.sheets = sheets;
    this.spreadsheetId = spreadsheetId;
    this.limiter = limiter;
    this.backoff = backoff;
    this.listener = listener;
  }

  /** Write requests sent so far, retries included. */
  public long writeAttempts() {
    return writeAttempts.get();
  }

  /** Reads {@code ranges} unformatted (numbers as numbers, text as text), row by row. */
  public List<ValueRange> batchGet(List<String> ranges)
      throws InterruptedException, SheetsRequestException {
    BatchGetValuesResponse response =
        call(
            "batchGet",
            false,
            true,
            () ->
                sheets
                    .spreadsheets()
                    .values()
                    .batchGet(spreadsheetId)
                    .setRanges(ranges)
                    .setValueRenderOption("UNFORMATTED_VALUE")
                    .setMajorDimension("ROWS")
                    .execute());
    List<ValueRange> values = response.getValueRanges();
    return values == null ? List.of() : values;
  }

  /** Writes every range in one atomic request, {@code RAW}. */
  public void batchUpdate(List<ValueRange> data)
      throws InterruptedException, SheetsRequestException {
    call(
        "batchUpdate",
        true,
        true,
        () ->
            sheets
                .spreadsheets()
                .values()
                .batchUpdate(
                    spreadsheetId,
                    new BatchUpdateValuesRequest().setValueInputOption("RAW").setData(data))
                .execute());
  }

  /** Appends {@code rows} after the table found in {@code range}, inserting rows, {@code RAW}. */
  public AppendValuesResponse append(String range, List<List<Object>> rows)
      throws InterruptedException, SheetsRequestException {
    return call(
        "append",
        true,
        false,
        () ->
            sheets
                .spreadsheets()
                .values()
                .append(spreadsheetId, range, new ValueRange().setValues(rows))
                .setValueInputOption("RAW")
                .setInsertDataOption("INSERT_ROWS")
                .execute());
  }

  /** The spreadsheet's properties and its sheets (no cell data). */
  public Spreadsheet spreadsheet() throws InterruptedException, SheetsRequestException {
    return call("get", false, true, () -> sheets.spreadsheets().get(spreadsheetId).execute());
  }

  /** Changes the spreadsheet itself (e.g. adds sheets) in one request. */
  public void updateSpreadsheet(List<Request> requests)
      throws InterruptedException, SheetsRequestException {
    call(
        "batchUpdateSpreadsheet",
        true,
        false,
        () ->
            sheets
                .spreadsheets()
                .batchUpdate(
                    spreadsheetId, new BatchUpdateSpreadsheetRequest().setRequests(requests))
                .execute());
  }

  private interface Call<T> {
    T execute() throws IOException;
  }

  private <T> T call(String kind, boolean write, boolean idempotent, Call<T> request)
      throws InterruptedException, SheetsRequestException {
    for (int attempt = 1; ; attempt++) {
      if (write) {
        limiter.acquire();
        writeAttempts.incrementAndGet();
      }
      Duration retryAfter = null;
      RequestListener.Outcome outcome;
      try {
        T result = request.execute();
        listener.requested(kind, RequestListener.Outcome.SUCCESS);
        return result;
      } catch (HttpResponseException e) {
        int status = e.getStatusCode();
        if (status == 429) {
          outcome = RequestListener.Outcome.RATE_LIMITED;
          retryAfter = retryAfter(e.getHeaders().getRetryAfter());
        } else if (status >= 500) {
          outcome = RequestListener.Outcome.SERVER_ERROR;
        } else {
          listener.requested(kind, RequestListener.Outcome.CLIENT_ERROR);
          throw new SheetsRequestException(kind, status, firstLine(e.getMessage()), e);
        }
        listener.requested(kind, outcome);
        if (status != 429 && !idempotent) {
          throw new SheetsRequestException(kind, status, firstLine(e.getMessage()), e);
        }
      } catch (IOException e) {
        if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
          throw new InterruptedException(kind + " interrupted");
        }
        listener.requested(kind, RequestListener.Outcome.IO_ERROR);
        if (!idempotent) {
          throw new SheetsRequestException(kind, 0, String.valueOf(e.getMessage()), e);
        }
        outcome = RequestListener.Outcome.IO_ERROR;
      }
      Duration delay = backoff.delay(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
      log.warn(
          "Sheets {} failed ({}), attempt {}; retrying in {} ms",
          kind,
          outcome.tag(),
          attempt,
          delay.toMillis());
      Thread.sleep(delay.toMillis());
    }
  }

  /** {@code Retry-After} in seconds; the HTTP-date form is ignored (backoff applies). */
  static @Nullable Duration retryAfter(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
