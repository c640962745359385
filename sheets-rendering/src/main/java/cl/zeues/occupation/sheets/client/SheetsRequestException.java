package cl.zeues.occupation.sheets.client;

/**
 * A Sheets request that must not be retried as is: a 4xx other than 429, or a write that may have
 * landed (an append or spreadsheet update answered 5xx, or cut off).
 */
public final class SheetsRequestException extends Exception {

  private final int status;

  SheetsRequestException(String kind, int status, String message, Throwable cause) {
    super(
        "Sheets " + kind + " failed" + (status > 0 ? " with " + status : "") + ": " + message,
        cause);
    this.status = status;
  }

  /** The HTTP status, 0 when no response came. */
  public int status() {
    return status;
  }
}
