package cl.zeues.occupation.api.occupation;

/** The occupation store could not be read. */
public class OccupationStoreUnavailableException extends RuntimeException {

  public OccupationStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
