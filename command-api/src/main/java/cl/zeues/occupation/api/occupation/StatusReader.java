package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.events.CommandReply;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what the processor recorded for decided commands: their replies, for a client that asks
 * again after a 202. The API never writes there; a spool's status is the read model's.
 */
public interface StatusReader {

  /**
   * The reply the processor recorded for {@code commandId}, if it has decided it.
   *
   * @throws StatusUnavailableException when the status cannot be read
   */
  Optional<CommandReply> outcome(String tagSpool, UUID commandId);
}
