package cl.zeues.occupation.processor.occupation;

import java.util.UUID;

/**
 * A redelivered command that was rejected the first time, whose record expired or was forgotten
 * ({@link RecordRetention}) before its batch's transaction committed, and that would now be
 * accepted on a state that already holds later decisions of the same batch. Accepting it would
 * publish events out of version order, so it is not decided again: the listener parks it in the
 * dead-letter topic. Only a batch left uncommitted for longer than the rejected retention (Kafka
 * away that long) can meet this.
 */
public final class ForgottenCommandException extends RuntimeException {

  public ForgottenCommandException(String tag, UUID commandId, CommandSource source) {
    super(
        "command "
            + commandId
            + " on spool "
            + tag
            + " at "
            + source
            + " was decided before its batch's transaction failed, its rejection is no longer"
            + " remembered, and spool "
            + tag
            + " has since been written by a later command: not decided again");
  }
}
