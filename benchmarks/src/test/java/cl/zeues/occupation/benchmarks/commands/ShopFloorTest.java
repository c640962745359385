package cl.zeues.occupation.benchmarks.commands;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.benchmarks.commands.CommandMix.Action;
import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShopFloorTest {

  private static final Instant T0 = Instant.parse("2026-11-02T12:00:00Z");
  private static final List<Worker> WORKERS =
      IntStream.rangeClosed(1, 10).mapToObj(id -> Worker.of(id, "Juan Perez")).toList();

  @Test
  void predictionsMatchAProcessorDecidingTheCommandsInOrder() {
    ShopFloor floor =
        floor(500, CommandMix.parse("tomar:50,pausar:30,completar:15,cancelar:5", 0.1));
    OccupationDecider processor = new OccupationDecider(OccupationPolicy.DEFAULT);
    Map<String, SpoolState> decided = new HashMap<>();
    Map<String, Integer> outcomes = new HashMap<>();

    for (int i = 0; i < 5_000; i++) {
      Planned planned = floor.plan(T0.plusSeconds(i), false);
      assertThat(planned).as("plan %d, %d occupied", i, floor.occupiedCount()).isNotNull();
      SpoolState state = decided.getOrDefault(planned.tag(), SpoolState.initial(planned.tag()));
      Decision decision =
          processor.decide(
              state,
              planned.command(),
              new SpoolCatalogEntry(planned.tag(), ShopFloor.MATERIALES),
              T0.plusSeconds(i));
      String outcome;
      if (decision instanceof Decision.Accepted accepted) {
        for (OccupationEvent event : accepted.events()) {
          state = state.evolve(event);
        }
        decided.put(planned.tag(), state);
        outcome = ShopFloor.ACCEPTED;
      } else {
        outcome = ((Decision.Rejected) decision).reason().name();
      }
      assertThat(outcome).as("command %d: %s", i, planned).isEqualTo(planned.expected());
      outcomes.merge(outcome, 1, Integer::sum);
    }

    assertThat(outcomes).containsKeys(ShopFloor.ACCEPTED, "SPOOL_OCCUPIED");
    assertThat(outcomes.get(ShopFloor.ACCEPTED)).isGreaterThan(4_000);
  }

  @Test
  void releasesGoToTheOccupantAndTheMixShowsInTheActions() {
    ShopFloor floor = floor(200, CommandMix.parse("tomar:50,pausar:35,completar:15", 0));
    Map<Action, Integer> actions = new EnumMap<>(Action.class);

    for (int i = 0; i < 2_000; i++) {
      Planned planned = floor.plan(T0, false);
      actions.merge(planned.action(), 1, Integer::sum);
      if (planned.action() != Action.TOMAR) {
        assertThat(planned.expected()).isEqualTo(ShopFloor.ACCEPTED);
      }
    }

    assertThat(actions.get(Action.PAUSAR)).isGreaterThan(500);
    assertThat(actions.get(Action.COMPLETAR)).isGreaterThan(150);
  }

  @Test
  void aReservedSpoolIsNotPlannedAgainUntilSettled() {
    ShopFloor floor = floor(20, CommandMix.parse("tomar:50,pausar:50", 0.5));
    Set<String> reserved = new HashSet<>();

    for (int i = 0; i < 20; i++) {
      assertThat(reserved.add(floor.plan(T0, true).tag())).isTrue();
    }
    Planned none = floor.plan(T0, true);

    assertThat(none).isNull();
  }

  @Test
  void aSettledSpoolCanBePlannedAgain() {
    ShopFloor floor = floor(1, CommandMix.parse("tomar:50,pausar:50", 1.0));

    Planned first = floor.plan(T0, true);
    assertThat(floor.plan(T0, true)).isNull();
    floor.settle(first);

    assertThat(floor.plan(T0, true)).isNotNull();
  }

  @Test
  void aRaceForAHeldSpoolIsExpectedToConflict() {
    ShopFloor floor = floor(1, CommandMix.parse("tomar:1", 1.0));

    Planned take = floor.plan(T0, false);
    Planned race = floor.plan(T0, false);

    assertThat(take.expected()).isEqualTo(ShopFloor.ACCEPTED);
    assertThat(race.expected()).isEqualTo("SPOOL_OCCUPIED");
    assertThat(race.worker().id()).isNotEqualTo(take.worker().id());
  }

  @Test
  void aSpoolWhoseAnswerSurprisedLeavesPlay() {
    ShopFloor floor = floor(1, CommandMix.parse("tomar:50,pausar:50", 0));

    Planned planned = floor.plan(T0, true);
    floor.diverged(planned);
    floor.settle(planned);

    assertThat(floor.plan(T0, true)).isNull();
    assertThat(floor.divergedSpools()).isEqualTo(1);
  }

  private static ShopFloor floor(int spools, CommandMix mix) {
    return new ShopFloor(SpoolTags.of("MK-1234-QX", spools).tags(), WORKERS, mix, 11);
  }
}
