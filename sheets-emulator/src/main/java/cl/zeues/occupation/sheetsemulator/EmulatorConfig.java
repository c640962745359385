package cl.zeues.occupation.sheetsemulator;

import cl.zeues.occupation.sheetsemulator.faults.FaultSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to start an emulator.
 *
 * @param host the address to bind; 127.0.0.1 unless the emulator must be reachable from elsewhere
 * @param port the port to bind; 0 picks a free one
 * @param dataFile where spreadsheets persist across restarts; {@code null} keeps them in memory
 * @param seeds JSON documents or CSV folders loaded at start for spreadsheets not already present
 * @param faults the initial quota, latency and error settings
 */
public record EmulatorConfig(
    String host, int port, @Nullable Path dataFile, List<Path> seeds, FaultSettings faults) {

  public EmulatorConfig {
    seeds = List.copyOf(seeds);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** In memory, on a free port of 127.0.0.1, with Google's per-user write quota. */
  public static EmulatorConfig defaults() {
    return new EmulatorConfig("127.0.0.1", 0, null, List.of(), FaultSettings.defaults());
  }

  public EmulatorConfig withHost(String value) {
    return new EmulatorConfig(value, port, dataFile, seeds, faults);
  }

  public EmulatorConfig withPort(int value) {
    return new EmulatorConfig(host, value, dataFile, seeds, faults);
  }

  public EmulatorConfig withDataFile(@Nullable Path value) {
    return new EmulatorConfig(host, port, value, seeds, faults);
  }

  public EmulatorConfig withSeed(Path value) {
    List<Path> more = new ArrayList<>(seeds);
    more.add(value);
    return new EmulatorConfig(host, port, dataFile, more, faults);
  }

  public EmulatorConfig withFaults(FaultSettings value) {
    return new EmulatorConfig(host, port, dataFile, seeds, value);
  }

  public EmulatorConfig withWritesPerMinute(int value) {
    return withFaults(faults.withWritesPerMinute(value));
  }
}
