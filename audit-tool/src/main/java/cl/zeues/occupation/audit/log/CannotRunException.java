package cl.zeues.occupation.audit.log;

/**
 * The tool could not do its job (a broker that does not answer, a missing topic, a sheet without
 * its columns, a bad argument): exit code 2, and {@link #getMessage()} is the one line the user
 * sees.
 */
public final class CannotRunException extends RuntimeException {

  public CannotRunException(String message) {
    super(message);
  }

  public CannotRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
