package cl.zeues.occupation.processor.occupation;

/**
 * The store no longer holds effects it had applied for a commands partition: Redis restarted
 * without persistence, was flushed, or failed over to a replica that lags. Nothing may be decided
 * on it for that partition until {@link StoreRecovery} has rebuilt it from the event log; the batch
 * that noticed is aborted and redelivered.
 */
public final class StoreLostException extends RuntimeException {

  private final int partition;

  public StoreLostException(int partition, String message) {
    super(message);
    this.partition = partition;
  }

  /** The partition of {@code occupation.commands} whose applied state was lost. */
  public int partition() {
    return partition;
  }
}
