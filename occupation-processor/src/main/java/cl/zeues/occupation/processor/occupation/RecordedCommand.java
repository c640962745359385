package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationEvent;
import java.util.List;

/** A command already decided: its reply, the events it produced and where its record was. */
public record RecordedCommand(
    CommandReply reply, List<OccupationEvent> events, CommandSource source) {

  public RecordedCommand {
    events = List.copyOf(events);
  }
}
