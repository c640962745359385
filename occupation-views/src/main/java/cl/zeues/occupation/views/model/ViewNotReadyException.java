package cl.zeues.occupation.views.model;

/**
 * The view has not folded the log (or read the catalogs) up to where they stood when it started:
 * answering now could show an occupied spool as free. Answered as 503 with {@code Retry-After}.
 */
public final class ViewNotReadyException extends RuntimeException {
  public ViewNotReadyException(String message) {
    super(message);
  }
}
