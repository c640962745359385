package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.LogReader;
import cl.zeues.occupation.audit.log.ParallelDecoder;
import cl.zeues.occupation.events.OccupationEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One spool's events, read from the only partition the default partitioner puts its key in, in log
 * order. Records keyed by another tag (which {@code verify} reports) are not looked at.
 */
final class SpoolEvents {

  private SpoolEvents() {}

  static List<OccupationEvent> read(LogCommand command, String tag) {
    List<OccupationEvent> events = new ArrayList<>();
    try (LogReader reader = new LogReader(command.kafka.source())) {
      int partition = reader.partitionOf(tag);
      reader.read(
          Set.of(partition),
          batch ->
              new ParallelDecoder(
                      (Decoded decoded) -> {
                        if (decoded instanceof Decoded.Event e
                            && e.event().tagSpool().equals(tag)) {
                          events.add(e.event());
                        }
                      })
                  .accept(batch.stream().filter(r -> tag.equals(r.key())).toList()),
          command.progress("events"));
    }
    return events;
  }
}
