package cl.zeues.occupation.sheetsemulator;

import cl.zeues.occupation.sheetsemulator.faults.FaultSettings;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the emulator until the process is stopped. Each setting comes from {@code --name=value},
 * else the environment variable {@code SHEETS_EMULATOR_NAME}, else its default; {@code --seed} may
 * repeat and {@code SHEETS_EMULATOR_SEED} may list several paths separated by the path separator.
 */
public final class Main {

  static final String USAGE =
      """
      Usage: java -jar sheets-emulator-exec.jar [--name=value ...]
        --host=127.0.0.1            address to bind (SHEETS_EMULATOR_HOST)
        --port=8085                 port, 0 = any free one (SHEETS_EMULATOR_PORT)
        --data-file=PATH            persist spreadsheets here; none = memory only (SHEETS_EMULATOR_DATA_FILE)
        --seed=PATH                 JSON document or folder of CSV files, repeatable (SHEETS_EMULATOR_SEED)
        --writes-per-minute=60      per-user write quota, 0 = unlimited (SHEETS_EMULATOR_WRITES_PER_MINUTE)
        --reads-per-minute=0        per-user read quota, 0 = unlimited (SHEETS_EMULATOR_READS_PER_MINUTE)
        --latency-ms=0              delay added to every API request (SHEETS_EMULATOR_LATENCY_MS)
        --server-error-rate=0       probability of a 503 per request (SHEETS_EMULATOR_SERVER_ERROR_RATE)
        --random-seed=42            seed for the 503 draw (SHEETS_EMULATOR_RANDOM_SEED)
      """;

  private static final List<String> NAMES =
      List.of(
          "host",
          "port",
          "data-file",
          "seed",
          "writes-per-minute",
          "reads-per-minute",
          "latency-ms",
          "server-error-rate",
          "random-seed");

  private Main() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(USAGE);
      return;
    }
    EmulatorConfig config;
    try {
      config = parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    SheetsEmulator emulator = new SheetsEmulator();
    emulator.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, "sheets-emulator-stop"));
    System.out.println(
        "Sheets emulator listening on "
            + emulator.rootUrl()
            + (config.dataFile() == null
                ? " (in memory)"
                : " (data file " + config.dataFile() + ")"));
  }

  static EmulatorConfig parse(String[] args, Map<String, String> env) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String name : NAMES) {
      String fromEnv = env.get("SHEETS_EMULATOR_" + name.toUpperCase().replace('-', '_'));
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(
            name,
            name.equals("seed") ? List.of(fromEnv.split(File.pathSeparator)) : List.of(fromEnv));
      }
    }
    Map<String, List<String>> fromArgs = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : "";
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
      fromArgs.computeIfAbsent(name, n -> new ArrayList<>()).add(arg.substring(eq + 1));
    }
    values.putAll(fromArgs);

    FaultSettings faults =
        new FaultSettings(
            get(values, "writes-per-minute", Integer::parseInt, 60),
            get(values, "reads-per-minute", Integer::parseInt, 0),
            Duration.ofMillis(get(values, "latency-ms", Long::parseLong, 0L)),
            get(values, "server-error-rate", Double::parseDouble, 0.0),
            get(values, "random-seed", Long::parseLong, 42L));
    EmulatorConfig config =
        EmulatorConfig.defaults()
            .withHost(get(values, "host", Function.identity(), "127.0.0.1"))
            .withPort(get(values, "port", Integer::parseInt, 8085))
            .withDataFile(get(values, "data-file", Path::of, null))
            .withFaults(faults);
    for (String seed : values.getOrDefault("seed", List.of())) {
      if (!seed.isBlank()) {
        config = config.withSeed(Path.of(seed));
      }
    }
    return config;
  }

  private static <T> T get(
      Map<String, List<String>> values, String name, Function<String, T> parse, T fallback) {
    List<String> given = values.get(name);
    if (given == null || given.isEmpty()) {
      return fallback;
    }
    try {
      return parse.apply(given.getLast().strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid --" + name + ": " + given.getLast());
    }
  }
}
