package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.SpoolState;
import org.jspecify.annotations.Nullable;

/**
 * One read of a spool's keys: its state, the recorded outcome of the command being handled if that
 * command was decided before and is still remembered, and the record of the command whose decision
 * wrote the state (null when rebuilt from the log or never written).
 */
public record StoredSpool(
    SpoolState state, @Nullable RecordedCommand recorded, @Nullable CommandSource lastWrite) {

  /**
   * Whether a command later than {@code source} in its partition wrote the state: {@code source} is
   * then a redelivery (its batch's transaction did not commit) whose record is no longer
   * remembered, and the state already holds decisions made after it.
   */
  public boolean writtenAfter(CommandSource source) {
    return lastWrite != null
        && lastWrite.partition() == source.partition()
        && lastWrite.offset() > source.offset();
  }
}
