package cl.zeues.occupation.processor.occupation;

/**
 * A spool kept changing under the decision for every attempt. The command's transaction rolls back
 * and Kafka redelivers it; nothing was written.
 */
public class ConflictRetriesExhaustedException extends RuntimeException {

  public ConflictRetriesExhaustedException(String message) {
    super(message);
  }
}
