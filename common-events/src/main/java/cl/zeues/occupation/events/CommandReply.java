package cl.zeues.occupation.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The processor's answer to one command, published to {@link Topics#REPLIES} keyed by the command
 * id in the same transaction as the command's events.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CommandReply.Accepted.class, name = "ACCEPTED"),
  @JsonSubTypes.Type(value = CommandReply.Rejected.class, name = "REJECTED")
})
public sealed interface CommandReply {

  UUID commandId();

  String tagSpool();

  /** A human-readable Spanish message for the tablet. */
  String message();

  Instant decidedAt();

  /**
   * The command was decided and produced {@code eventIds}; the spool is now at {@code version}.
   *
   * @param estadoDetalle the spool's {@code Estado_Detalle} after a metrology, repair or unblock
   *     decision; null after ARM and SOLD decisions
   * @param ciclo the spool's repair cycle after a metrology, repair or unblock decision, else null
   */
  record Accepted(
      UUID commandId,
      String tagSpool,
      String message,
      Instant decidedAt,
      long version,
      List<UUID> eventIds,
      @Nullable String estadoDetalle,
      @Nullable Integer ciclo)
      implements CommandReply {
    public Accepted {
      eventIds = List.copyOf(eventIds);
    }

    /** An ARM or SOLD decision's reply: no quality-control state to report. */
    public Accepted(
        UUID commandId,
        String tagSpool,
        String message,
        Instant decidedAt,
        long version,
        List<UUID> eventIds) {
      this(commandId, tagSpool, message, decidedAt, version, eventIds, null, null);
    }
  }

  /** The command was rejected; nothing changed. {@code ocupadoPor} names the occupant if any. */
  record Rejected(
      UUID commandId,
      String tagSpool,
      String message,
      Instant decidedAt,
      RejectionReason reason,
      @Nullable String ocupadoPor)
      implements CommandReply {}
}
