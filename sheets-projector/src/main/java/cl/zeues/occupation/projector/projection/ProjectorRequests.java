package cl.zeues.occupation.projector.projection;

import cl.zeues.occupation.projector.projection.SheetRequests.SheetsRequestException;
import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The projector's {@code SheetRequests} for tools such as the audit tool: reads unformatted, writes
 * {@code RAW}, each write counted against the budget, 429/5xx retried; a request that must not be
 * retried surfaces as {@link SheetsFailure}.
 */
public final class ProjectorRequests {

  private final SheetRequests requests;
  private final MeterRegistry registry;

  ProjectorRequests(SheetRequests requests, MeterRegistry registry) {
    this.requests = requests;
    this.registry = registry;
  }

  public List<ValueRange> batchGet(List<String> ranges) throws InterruptedException, SheetsFailure {
    try {
      return requests.batchGet(ranges);
    } catch (SheetsRequestException e) {
      throw new SheetsFailure(e.getMessage(), e.status(), e);
    }
  }

  public void batchUpdate(List<ValueRange> data) throws InterruptedException, SheetsFailure {
    try {
      requests.batchUpdate(data);
    } catch (SheetsRequestException e) {
      throw new SheetsFailure(e.getMessage(), e.status(), e);
    }
  }

  public AppendValuesResponse append(String range, List<List<Object>> rows)
      throws InterruptedException, SheetsFailure {
    try {
      return requests.append(range, rows);
    } catch (SheetsRequestException e) {
      throw new SheetsFailure(e.getMessage(), e.status(), e);
    }
  }

  /** Write requests sent so far, retries included. */
  public long writeAttempts() {
    return requests.writeAttempts();
  }

  /** Requests answered 429 so far. */
  public long rateLimited() {
    var counter = registry.find("zeues.projection.sheets.rate.limited").counter();
    return counter == null ? 0 : (long) counter.count();
  }

  /** A failure of a request made outside this layer, reported the same way. */
  public static SheetsFailure failure(int status, String message, Throwable cause) {
    return new SheetsFailure(
        "Sheets request failed" + (status > 0 ? " with " + status : "") + ": " + message,
        status,
        cause);
  }

  /** A Sheets request that failed for good: a 4xx other than 429, or an ambiguous append. */
  public static final class SheetsFailure extends Exception {
    private final int status;

    SheetsFailure(String message, int status, Throwable cause) {
      super(message, cause);
      this.status = status;
    }

    /** The HTTP status, 0 when no response came. */
    public int status() {
      return status;
    }
  }
}
