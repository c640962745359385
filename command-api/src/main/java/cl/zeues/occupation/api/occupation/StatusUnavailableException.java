package cl.zeues.occupation.api.occupation;

/** The processor's status store (Redis) could not be read. */
public class StatusUnavailableException extends RuntimeException {

  public StatusUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
