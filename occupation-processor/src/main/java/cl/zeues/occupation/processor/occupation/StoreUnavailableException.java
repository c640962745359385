package cl.zeues.occupation.processor.occupation;

/** Redis did not answer or answered nonsense: an infrastructure failure, retried by Kafka. */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
