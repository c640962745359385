package cl.zeues.occupation.sheetsemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void defaultsWithoutArgumentsOrEnvironment() {
    EmulatorConfig config = Main.parse(new String[0], Map.of());
    assertThat(config.port()).isEqualTo(8085);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.dataFile()).isNull();
    assertThat(config.faults().writesPerMinute()).isEqualTo(60);
  }

  @Test
  void argumentsOverrideEnvironment() {
    EmulatorConfig config =
        Main.parse(
            new String[] {"--port=9000", "--seed=a.json", "--seed=csv", "--latency-ms=5"},
            Map.of(
                "SHEETS_EMULATOR_PORT", "9100",
                "SHEETS_EMULATOR_WRITES_PER_MINUTE", "10",
                "SHEETS_EMULATOR_DATA_FILE", "data.json"));
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.faults().writesPerMinute()).isEqualTo(10);
    assertThat(config.faults().latency()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.dataFile()).isEqualTo(Path.of("data.json"));
    assertThat(config.seeds()).isEqualTo(List.of(Path.of("a.json"), Path.of("csv")));
  }

  @Test
  void unknownOrMalformedArgumentsAreRejected() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--nope=1"}, Map.of()))
        .hasMessageContaining("unknown argument");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port=x"}, Map.of()))
        .hasMessageContaining("invalid --port");
  }
}
