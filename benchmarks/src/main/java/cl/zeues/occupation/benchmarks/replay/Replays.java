package cl.zeues.occupation.benchmarks.replay;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three ways state is rebuilt from the log, each with the domain's own fold ({@link
 * SpoolState#replay} / {@link SpoolState#evolve}), which also checks every version follows the
 * last: per spool from its own events (a spool's rebuild), in log order over every spool (a
 * consumer reading the log, as the projector does on assignment), and in log order from the events'
 * JSON bytes (the same, decoding included: the log's real input minus the network).
 */
final class Replays {

  private Replays() {}

  static Map<String, SpoolState> perSpool(Map<String, List<OccupationEvent>> bySpool) {
    Map<String, SpoolState> states = new HashMap<>(bySpool.size() * 2);
    bySpool.forEach((tag, events) -> states.put(tag, SpoolState.replay(tag, events)));
    return states;
  }

  static Map<String, SpoolState> inLogOrder(List<OccupationEvent> events, int spools) {
    Map<String, SpoolState> states = new HashMap<>(spools * 2);
    for (OccupationEvent event : events) {
      fold(states, event);
    }
    return states;
  }

  static Map<String, SpoolState> fromJson(List<byte[]> records, JsonCodec codec, int spools) {
    Map<String, SpoolState> states = new HashMap<>(spools * 2);
    for (byte[] record : records) {
      fold(states, codec.read(record, OccupationEvent.class));
    }
    return states;
  }

  private static void fold(Map<String, SpoolState> states, OccupationEvent event) {
    SpoolState before = states.get(event.tagSpool());
    states.put(
        event.tagSpool(),
        (before == null ? SpoolState.initial(event.tagSpool()) : before).evolve(event));
  }
}
