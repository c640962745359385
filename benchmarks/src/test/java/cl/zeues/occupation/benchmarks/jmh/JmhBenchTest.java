package cl.zeues.occupation.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

class JmhBenchTest {

  @Test
  void withoutOptionsThisModulesBenchmarksRunShort() throws Exception {
    Options options = JmhBench.withDefaults(new CommandLineOptions()).build();

    assertThat(options.getIncludes())
        .singleElement()
        .asString()
        .contains("cl.zeues.occupation.benchmarks.jmh")
        .endsWith("Benchmarks\\..*");
    assertThat(options.getResult().get()).isEqualTo("target/jmh.json");
    assertThat(options.getForkCount().hasValue())
        .as("forks and iterations are left to the benchmarks' annotations")
        .isFalse();
  }

  @Test
  void theCommandLineWinsOverTheDefaults() throws Exception {
    Options options =
        JmhBench.withDefaults(new CommandLineOptions("-f", "2", "-i", "10", "Codec")).build();

    assertThat(options.getForkCount().get()).isEqualTo(2);
    assertThat(options.getMeasurementIterations().get()).isEqualTo(10);
    assertThat(options.getIncludes()).containsExactly("Codec");
  }
}
