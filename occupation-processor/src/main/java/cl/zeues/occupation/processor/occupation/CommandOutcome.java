package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationEvent;
import java.util.List;

/**
 * What deciding a command leaves to publish, in one Kafka transaction: its events (empty for a
 * rejection or a client's retry) and its reply.
 */
public record CommandOutcome(List<OccupationEvent> events, CommandReply reply) {

  public CommandOutcome {
    events = List.copyOf(events);
  }
}
