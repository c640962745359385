package cl.zeues.occupation.api.web;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request refused at the HTTP edge (e.g. a missing admin token), with its stable code; a refusal
 * that will pass later (429, 503) says when with {@code retryAfter}.
 */
public class ApiProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final @Nullable Duration retryAfter;

  public ApiProblemException(HttpStatus status, String code, String detail) {
    this(status, code, detail, null);
  }

  public ApiProblemException(
      HttpStatus status, String code, String detail, @Nullable Duration retryAfter) {
    super(detail);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Retry-After in whole seconds, rounded up and at least 1. */
  public static String retryAfterSecondsOf(Duration wait) {
    long millis = Math.max(wait.toMillis(), 1);
    return Long.toString((millis + 999) / 1000);
  }
}
