package cl.zeues.occupation.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

  private static final Instant T0 = Instant.parse("2026-06-01T13:00:00Z");

  @Test
  void generatedEventsFoldIntoEverySpoolsStateInOrder() {
    List<String> tags = EventGenerator.tags(50);
    EventGenerator generator = new EventGenerator(tags, 7);
    Map<String, SpoolState> folded = new HashMap<>();
    Set<Object> ids = new HashSet<>();

    for (int i = 0; i < 2_000; i++) {
      for (OccupationEvent event : generator.next(T0.plusSeconds(i))) {
        SpoolState before =
            folded.getOrDefault(event.tagSpool(), SpoolState.initial(event.tagSpool()));
        folded.put(event.tagSpool(), before.evolve(event));
        assertThat(ids.add(event.eventId())).as("event ids are unique").isTrue();
      }
    }

    folded.forEach((tag, state) -> assertThat(state.version()).isEqualTo(generator.version(tag)));
  }

  @Test
  void aLeaseEndShareAddsForceReleasesAndExpiriesThatStillFold() {
    List<String> tags = EventGenerator.tags(100);
    EventGenerator generator = new EventGenerator(tags, 3, 0.2);
    Map<String, SpoolState> folded = new HashMap<>();
    Set<String> types = new HashSet<>();

    for (int i = 0; i < 3_000; i++) {
      for (OccupationEvent event : generator.next(T0.plusSeconds(i))) {
        SpoolState before =
            folded.getOrDefault(event.tagSpool(), SpoolState.initial(event.tagSpool()));
        folded.put(event.tagSpool(), before.evolve(event));
        types.add(event.getClass().getSimpleName());
      }
    }

    assertThat(types)
        .contains(
            "SpoolTomado",
            "SpoolPausado",
            "SpoolCompletado",
            "SpoolCancelado",
            "OcupacionLiberada",
            "OcupacionExpirada");
    folded.forEach((tag, state) -> assertThat(state.version()).isEqualTo(generator.version(tag)));
  }

  @Test
  void theSameSeedGivesTheSameCommands() {
    List<String> tags = EventGenerator.tags(20);
    EventGenerator first = new EventGenerator(tags, 42);
    EventGenerator second = new EventGenerator(tags, 42);
    List<Object> a = new ArrayList<>();
    List<Object> b = new ArrayList<>();

    for (int i = 0; i < 100; i++) {
      first.next(T0.plusSeconds(i)).forEach(e -> a.add(e.eventId()));
      second.next(T0.plusSeconds(i)).forEach(e -> b.add(e.eventId()));
    }

    assertThat(a).isEqualTo(b);
  }
}
