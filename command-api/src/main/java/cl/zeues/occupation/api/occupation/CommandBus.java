package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationCommand;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Where commands go to be decided, and where their replies come back from. */
public interface CommandBus {

  /**
   * Publishes {@code command} and returns its reply-to-be. The reply is awaited from before the
   * command is published, so a fast reply is never missed. Returns once the command is durably
   * published.
   *
   * @throws CommandBusUnavailableException when the command could not be published in time
   */
  CompletableFuture<CommandReply> submit(OccupationCommand command);

  /** Stops waiting for {@code commandId}'s reply (the caller gave up on it). */
  void abandon(UUID commandId);
}
