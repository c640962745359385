package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.StoreLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The log's own invariants, checked over every committed event of the given spools: versions 1..n
 * without gaps or repeats, never a TOMAR while someone holds the spool, and Redis's lock state
 * equal to the state replayed from the log (Redis is a projection of the log).
 */
final class LogInvariants {

  private LogInvariants() {}

  static void assertConsistent(ZeuesSystem system, List<OccupationEvent> log, List<String> tags) {
    Map<String, List<OccupationEvent>> bySpool =
        log.stream()
            .filter(e -> tags.contains(e.tagSpool()))
            .collect(
                Collectors.groupingBy(
                    OccupationEvent::tagSpool, LinkedHashMap::new, Collectors.toList()));
    bySpool.forEach((tag, events) -> assertNeverTwoOccupants(system, tag, events));
  }

  /** Versions 1..n without gaps, and no TOMAR while another worker holds the spool. */
  static void assertNeverTwoOccupants(
      ZeuesSystem system, String tag, List<OccupationEvent> events) {
    SpoolState state = SpoolState.initial(tag);
    for (OccupationEvent event : events) {
      assertThat(event.version()).as("version of %s", event).isEqualTo(state.version() + 1);
      if (event instanceof OccupationEvent.SpoolTomado) {
        assertThat(state.occupation()).as("%s taken while occupied: %s", tag, event).isNull();
      }
      state = state.evolve(event);
    }
    String ocupadoPor = system.redis().hget(StoreLayout.spoolKey(tag), StoreLayout.F_OCUPADO_POR);
    String expected = state.occupation() == null ? "" : state.occupation().worker().token();
    assertThat(ocupadoPor).as("Redis occupant of %s", tag).isEqualTo(expected);
    assertThat(system.redis().hget(StoreLayout.spoolKey(tag), StoreLayout.F_VERSION))
        .as("Redis version of %s", tag)
        .isEqualTo(String.valueOf(state.version()));
  }
}
