package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.events.CommandReply;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what the processor recorded: a spool's occupation and the replies to decided commands. The
 * API never writes there.
 */
public interface StatusReader {

  /**
   * The spool's current occupation; a spool never touched is free at version 0.
   *
   * @throws StatusUnavailableException when the status cannot be read
   */
  SpoolStatus status(String tagSpool);

  /**
   * The reply the processor recorded for {@code commandId}, if it has decided it.
   *
   * @throws StatusUnavailableException when the status cannot be read
   */
  Optional<CommandReply> outcome(String tagSpool, UUID commandId);
}
