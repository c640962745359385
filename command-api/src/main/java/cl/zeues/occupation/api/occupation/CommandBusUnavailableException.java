package cl.zeues.occupation.api.occupation;

import org.jspecify.annotations.Nullable;

/** The command could not be published: the broker is unreachable or did not acknowledge in time. */
public class CommandBusUnavailableException extends RuntimeException {

  public CommandBusUnavailableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
