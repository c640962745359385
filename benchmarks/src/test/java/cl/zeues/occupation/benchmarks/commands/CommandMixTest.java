package cl.zeues.occupation.benchmarks.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.benchmarks.commands.CommandMix.Action;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommandMixTest {

  @Test
  void parsesActionWeightPairsInAnyCase() {
    CommandMix mix = CommandMix.parse("TOMAR:50, pausar:35,Completar:15", 0.1);

    assertThat(mix.weights())
        .containsEntry(Action.TOMAR, 50)
        .containsEntry(Action.PAUSAR, 35)
        .containsEntry(Action.COMPLETAR, 15)
        .doesNotContainKey(Action.CANCELAR);
    assertThat(mix.describe()).isEqualTo("tomar:50,pausar:35,completar:15");
  }

  @Test
  void drawsActionsInProportionToTheirWeights() {
    CommandMix mix = CommandMix.parse("tomar:50,pausar:30,completar:20", 0);
    Random random = new Random(1);
    Map<Action, Integer> drawn = new EnumMap<>(Action.class);

    for (int i = 0; i < 100_000; i++) {
      drawn.merge(mix.draw(random), 1, Integer::sum);
    }

    assertThat(drawn.get(Action.TOMAR)).isBetween(49_000, 51_000);
    assertThat(drawn.get(Action.PAUSAR)).isBetween(29_000, 31_000);
    assertThat(drawn.get(Action.COMPLETAR)).isBetween(19_000, 21_000);
    assertThat(drawn).doesNotContainKey(Action.CANCELAR);
  }

  @Test
  void badMixesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> CommandMix.parse("tomar:50,dormir:5", 0))
        .hasMessageContaining("unknown action 'dormir'");
    assertThatThrownBy(() -> CommandMix.parse("tomar=50", 0))
        .hasMessageContaining("expected action:weight");
    assertThatThrownBy(() -> CommandMix.parse("tomar:mucho", 0))
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> CommandMix.parse("pausar:10", 0))
        .hasMessageContaining("TOMAR weight above 0");
    assertThatThrownBy(() -> CommandMix.parse("tomar:1", 1.5))
        .hasMessageContaining("conflict share");
  }
}
