package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.SpoolState;
import java.time.Duration;
import java.util.List;

/**
 * A commands partition's store contents as replayed from the event log: every spool's state (with
 * how long its lock must live when occupied) and the recently decided commands, so a client's retry
 * still gets its first reply.
 */
public record RebuiltPartition(List<Spool> spools, List<RecordedCommand> commands) {

  public RebuiltPartition {
    spools = List.copyOf(spools);
    commands = List.copyOf(commands);
  }

  /** One spool's replayed state; {@code lockTtl} matters only when it is occupied. */
  public record Spool(SpoolState state, Duration lockTtl) {}

  public long occupied() {
    return spools.stream().filter(s -> s.state().isOccupied()).count();
  }
}
