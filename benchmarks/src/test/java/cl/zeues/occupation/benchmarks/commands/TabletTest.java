package cl.zeues.occupation.benchmarks.commands;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.benchmarks.commands.CommandMix.Action;
import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabletTest {

  private static final Instant T0 = Instant.parse("2026-11-02T12:00:00Z");
  private static final Worker ANA = Worker.of(7, "Ana Bravo");

  @Test
  void oneWorkerTakesAndPausesTheSameSpoolAndEveryAnswerIsAccepted() {
    Tablet tablet = new Tablet("MK-1234-QX-00001-001", ANA, 3);
    List<Action> actions = new ArrayList<>();

    for (int i = 0; i < 200; i++) {
      Planned planned = tablet.plan(T0.plusSeconds(i), true);
      assertThat(planned).isNotNull();
      assertThat(planned.tag()).isEqualTo("MK-1234-QX-00001-001");
      assertThat(planned.worker()).isEqualTo(ANA);
      assertThat(planned.expected()).as("command %d", i).isEqualTo(ShopFloor.ACCEPTED);
      actions.add(planned.action());
      tablet.settle(planned);
    }

    assertThat(actions.subList(0, 4))
        .containsExactly(Action.TOMAR, Action.PAUSAR, Action.TOMAR, Action.PAUSAR);
    assertThat(actions).containsOnly(Action.TOMAR, Action.PAUSAR);
  }

  @Test
  void aTabletWhoseAnswerContradictedItsPredictionPlansNothingMore() {
    Tablet tablet = new Tablet("MK-1234-QX-00001-002", ANA, 3);
    Planned first = tablet.plan(T0, true);

    tablet.diverged(first);

    assertThat(tablet.plan(T0.plusSeconds(1), true)).isNull();
  }
}
