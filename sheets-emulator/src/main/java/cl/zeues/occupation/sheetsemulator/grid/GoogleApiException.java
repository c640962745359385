package cl.zeues.occupation.sheetsemulator.grid;

/**
 * A failure answered to the client as a Google JSON error: {@code
 * {"error":{"code":..,"message":..,"status":..,"errors":[{"message":..,"domain":"global","reason":..}]}}}.
 */
public final class GoogleApiException extends RuntimeException {

  private final int code;
  private final String status;
  private final String reason;
  private final long retryAfterSeconds;

  public GoogleApiException(int code, String status, String reason, String message) {
    this(code, status, reason, message, 0);
  }

  /**
   * @param retryAfterSeconds sent as a {@code Retry-After} header when positive
   */
  public GoogleApiException(
      int code, String status, String reason, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static GoogleApiException badRequest(String message) {
    return new GoogleApiException(400, "INVALID_ARGUMENT", "badRequest", message);
  }

  public static GoogleApiException notFound() {
    return new GoogleApiException(404, "NOT_FOUND", "notFound", "Requested entity was not found.");
  }

  public int code() {
    return code;
  }

  public String status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
