package cl.zeues.occupation.benchmarks.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandBenchTest {

  @Test
  void aComparedRelayTakesKafkaClientSettings() {
    assertThat(
            CommandBench.clientSettings("retry.backoff.ms=100, linger.ms=5,fetch.max.wait.ms=10"))
        .containsExactly(
            java.util.Map.entry("retry.backoff.ms", "100"),
            java.util.Map.entry("linger.ms", "5"),
            java.util.Map.entry("fetch.max.wait.ms", "10"));
  }

  @Test
  void aSettingNoKafkaClientKnowsIsRefused() {
    assertThatThrownBy(() -> CommandBench.clientSettings("linger.ms=0,retry.backof.ms=5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retry.backof.ms");
    assertThatThrownBy(() -> CommandBench.clientSettings("linger.ms"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KEY=VALUE");
  }
}
