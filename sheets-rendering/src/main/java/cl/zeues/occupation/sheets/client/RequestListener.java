package cl.zeues.occupation.sheets.client;

import java.util.Locale;

/**
 * Told the outcome of every request {@link SheetRequests} sends, retries included: the projector
 * turns them into metrics, the audit tool into the counts it reports.
 */
@FunctionalInterface
public interface RequestListener {

  RequestListener NONE = (kind, outcome) -> {};

  /**
   * @param kind the call: {@code batchGet}, {@code batchUpdate}, {@code append}, {@code get},
   *     {@code batchUpdateSpreadsheet}
   */
  void requested(String kind, Outcome outcome);

  /** How one request went. */
  enum Outcome {
    SUCCESS,
    /** 429: retried after the backoff or {@code Retry-After}. */
    RATE_LIMITED,
    SERVER_ERROR,
    CLIENT_ERROR,
    /** No response: a broken connection or a timeout. */
    IO_ERROR;

    /** As a metric tag: {@code rate_limited}. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
