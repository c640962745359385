package cl.zeues.occupation.benchmarks.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void noOptionsGiveTheDefaults() {
    assertThat(BenchOptions.parse("projection")).isEqualTo(BenchOptions.defaults());
  }

  @Test
  void optionsOverrideTheDefaultsAndZeuesOptionsGoToTheProjector() {
    BenchOptions options =
        BenchOptions.parse(
            "projection",
            "--rates=5, 50",
            "--seconds=10",
            "--storm-seconds=0",
            "--json=out.json",
            "--zeues.projection.max-wait=200ms");

    assertThat(options.rates()).containsExactly(5, 50);
    assertThat(options.seconds()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.storm()).isFalse();
    assertThat(options.json()).isEqualTo(Path.of("out.json"));
    assertThat(options.projectorArgs()).isEqualTo(List.of("--zeues.projection.max-wait=200ms"));
  }

  @Test
  void anUnknownOptionIsRefused() {
    assertThatThrownBy(() -> BenchOptions.parse("--rate=10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rate");
  }

  @Test
  void aRateMustBePositive() {
    assertThatThrownBy(() -> BenchOptions.parse("--rates=10,0"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
