package cl.zeues.occupation.api.occupation;

/** The command could not be published: the broker is unreachable or did not acknowledge in time. */
public class CommandBusUnavailableException extends RuntimeException {

  public CommandBusUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
