package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.events.CommandReply;
import java.util.UUID;

/** What became of one submitted command, as far as the API knows when it answers. */
public sealed interface Submission {

  UUID commandId();

  String tagSpool();

  /** The processor decided: accepted or rejected. */
  record Replied(CommandReply reply) implements Submission {
    @Override
    public UUID commandId() {
      return reply.commandId();
    }

    @Override
    public String tagSpool() {
      return reply.tagSpool();
    }
  }

  /** Published, but no reply within the reply timeout: the outcome can be fetched later. */
  record Pending(UUID commandId, String tagSpool) implements Submission {}

  /** Not published: the broker was unavailable. Only batches report this; single commands throw. */
  record Unpublished(UUID commandId, String tagSpool, String message) implements Submission {}
}
