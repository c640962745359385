package cl.zeues.occupation.benchmarks.projection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@code projection}: {@code --name=value} options, plus any {@code --zeues.*}
 * or {@code --logging.*} option passed on to the projector application unchanged.
 *
 * @param rates the offered rates, events per second, one measured run each
 * @param seconds how long each run publishes
 * @param stormSeconds how long the storm run's emulator answers 429 to every write (0: no storm)
 * @param stormDelay when the storm starts, counted from the start of the storm run's publishing
 * @param stormRate the storm run's offered rate
 * @param spools how many spools the spreadsheet has and the events spread over
 * @param catchUpTimeout the longest a run waits after its last publish for every row to land
 * @param pollInterval how often the emulator's {@code Metadata} sheet is looked at
 * @param json where the figures are written as JSON
 * @param seed seeds the event generator, so runs publish the same events
 * @param projectorArgs options for the projector application
 */
record BenchOptions(
    List<Integer> rates,
    Duration seconds,
    Duration stormSeconds,
    Duration stormDelay,
    int stormRate,
    int spools,
    Duration catchUpTimeout,
    Duration pollInterval,
    Path json,
    long seed,
    List<String> projectorArgs) {

  static final String USAGE =
      """
      usage: java -jar benchmarks-<version>-exec.jar projection [options]
        --rates=10,100,1000        offered rates in events/s, one run each
        --seconds=30               how long each run publishes
        --storm-seconds=60         429 storm length in the storm run (0 skips the storm run)
        --storm-delay=2            seconds into the storm run when the storm starts
        --storm-rate=100           offered rate of the storm run, events/s
        --spools=2000              spools in the spreadsheet
        --catch-up-timeout=240     seconds a run may wait after its last publish for its rows
        --poll-ms=25               how often the emulator's Metadata sheet is read
        --json=target/projection.json
        --seed=42
        --zeues.*=... --logging.*=...  passed to the projector (e.g. --zeues.projection.max-wait=200ms)
      """;

  BenchOptions {
    rates = List.copyOf(rates);
    projectorArgs = List.copyOf(projectorArgs);
    if (rates.isEmpty() || rates.stream().anyMatch(rate -> rate < 1)) {
      throw new IllegalArgumentException("--rates needs positive events/s, was " + rates);
    }
    if (seconds.isNegative() || seconds.isZero()) {
      throw new IllegalArgumentException("--seconds must be positive");
    }
    if (stormSeconds.isNegative() || stormDelay.isNegative()) {
      throw new IllegalArgumentException("--storm-seconds and --storm-delay must not be negative");
    }
    if (stormRate < 1 || spools < 1) {
      throw new IllegalArgumentException("--storm-rate and --spools must be positive");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("--poll-ms must be positive");
    }
  }

  static BenchOptions defaults() {
    return new BenchOptions(
        List.of(10, 100, 1000),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(2),
        100,
        2000,
        Duration.ofSeconds(240),
        Duration.ofMillis(25),
        Path.of("target/projection.json"),
        42,
        List.of());
  }

  boolean storm() {
    return !stormSeconds.isZero();
  }

  /**
   * Parses {@code args}; the first may be the program name {@code projection}.
   *
   * @throws IllegalArgumentException on an unknown option or a bad value
   */
  static BenchOptions parse(String... args) {
    BenchOptions defaults = defaults();
    List<Integer> rates = defaults.rates();
    Duration seconds = defaults.seconds();
    Duration stormSeconds = defaults.stormSeconds();
    Duration stormDelay = defaults.stormDelay();
    int stormRate = defaults.stormRate();
    int spools = defaults.spools();
    Duration catchUpTimeout = defaults.catchUpTimeout();
    Duration pollInterval = defaults.pollInterval();
    Path json = defaults.json();
    long seed = defaults.seed();
    List<String> projectorArgs = new ArrayList<>();
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    if (!rest.isEmpty() && rest.getFirst().equals("projection")) {
      rest.removeFirst();
    }
    for (String arg : rest) {
      if (arg.startsWith("--zeues.") || arg.startsWith("--logging.")) {
        projectorArgs.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      String name = arg.substring(2, equals);
      String value = arg.substring(equals + 1);
      try {
        switch (name) {
          case "rates" ->
              rates =
                  Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
          case "seconds" -> seconds = Duration.ofSeconds(Long.parseLong(value));
          case "storm-seconds" -> stormSeconds = Duration.ofSeconds(Long.parseLong(value));
          case "storm-delay" -> stormDelay = Duration.ofSeconds(Long.parseLong(value));
          case "storm-rate" -> stormRate = Integer.parseInt(value);
          case "spools" -> spools = Integer.parseInt(value);
          case "catch-up-timeout" -> catchUpTimeout = Duration.ofSeconds(Long.parseLong(value));
          case "poll-ms" -> pollInterval = Duration.ofMillis(Long.parseLong(value));
          case "json" -> json = Path.of(value);
          case "seed" -> seed = Long.parseLong(value);
          default -> throw new IllegalArgumentException("unknown option --" + name);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " is not a number: " + value);
      }
    }
    return new BenchOptions(
        rates,
        seconds,
        stormSeconds,
        stormDelay,
        stormRate,
        spools,
        catchUpTimeout,
        pollInterval,
        json,
        seed,
        projectorArgs);
  }
}
