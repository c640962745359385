package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.events.CommandReply;
import java.util.Optional;
import java.util.UUID;

/** The processor's read model, as the API sees it: spool status and decided command outcomes. */
public interface OccupationStore {

  /**
   * The spool's current occupation; a spool never touched is free at version 0.
   *
   * @throws OccupationStoreUnavailableException when the store cannot be read
   */
  SpoolStatus status(String tagSpool);

  /**
   * The reply the processor recorded for {@code commandId}, if it has decided it.
   *
   * @throws OccupationStoreUnavailableException when the store cannot be read
   */
  Optional<CommandReply> outcome(String tagSpool, UUID commandId);
}
