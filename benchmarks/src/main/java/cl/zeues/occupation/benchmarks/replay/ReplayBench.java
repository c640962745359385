package cl.zeues.occupation.benchmarks.replay;

import cl.zeues.occupation.benchmarks.support.JsonFiles;
import cl.zeues.occupation.benchmarks.support.Machine;
import cl.zeues.occupation.benchmarks.support.Medians;
import cl.zeues.occupation.benchmarks.support.TextTable;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code replay}: how fast spool state is rebuilt from the event log. Generates a deterministic log
 * (the real decider, a fixed seed), then times the domain's fold over it three ways, one untimed
 * warm-up round and {@code --runs} timed ones, and prints events per second with the median. A
 * rebuild that disagrees with another (or with the generator) exits 1.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Rebuilding spool state from a generated event log, in events per second.")
public final class ReplayBench implements Callable<Integer> {

  @Option(names = "--events", description = "events in the log (default ${DEFAULT-VALUE})")
  int events = 1_000_000;

  @Option(
      names = "--spools",
      description = "spools the log spans, interleaved at random (default ${DEFAULT-VALUE})")
  int spools = 50_000;

  @Option(
      names = "--lease-end-share",
      description =
          "share of occupied spools' commands that are a force-release or an expiry (default"
              + " ${DEFAULT-VALUE})")
  double leaseEndShare = 0.01;

  @Option(names = "--runs", description = "timed rounds (default ${DEFAULT-VALUE})")
  int runs = 3;

  @Option(names = "--seed", description = "seeds the log (default ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(
      names = "--json",
      description = "where the figures are written as JSON (default ${DEFAULT-VALUE})")
  Path json = Path.of("target/replay.json");

  /** What was measured, and how. */
  record Setup(int events, int spools, double leaseEndShare, int runs, long seed) {}

  /**
   * @param generateSeconds deciding every command with the real decider and folding its events
   * @param encodeSeconds writing every event as JSON with {@link JsonCodec}
   * @param jsonBytesMean the mean size of an event's JSON
   * @param runs per timed round, events per second of each rebuild
   * @param medians each rebuild's median events per second
   */
  record Report(
      Machine machine,
      Setup setup,
      Map<String, Long> eventMix,
      double generateSeconds,
      double encodeSeconds,
      double jsonBytesMean,
      List<Map<String, Double>> runs,
      Map<String, Double> medians,
      String loadAverageAtEnd) {}

  static final String PER_SPOOL = "per spool (SpoolState.replay)";
  static final String LOG_ORDER = "log order (SpoolState.evolve)";
  static final String FROM_JSON = "log order from JSON (JsonCodec.read + evolve)";

  @Override
  public Integer call() {
    if (events < 1 || spools < 1 || runs < 1 || leaseEndShare < 0 || leaseEndShare > 0.5) {
      System.err.println(
          "replay: --events, --spools and --runs must be positive, --lease-end-share in [0, 0.5]");
      return 2;
    }
    Machine machine = Machine.current("only this JVM (no broker, no Redis)");
    System.out.println(machine.describe());

    System.out.printf(
        "%ngenerating %,d events over %,d spools with the real decider (seed %d)%n",
        events, spools, seed);
    long t = System.nanoTime();
    EventLog log;
    try {
      log = EventLog.generate(events, spools, seed, leaseEndShare);
    } catch (IllegalArgumentException e) {
      System.err.println("replay: " + e.getMessage());
      return 2;
    }
    double generateSeconds = seconds(t);
    System.out.printf("generated in %.1f s: %s%n", generateSeconds, log.mix());

    JsonCodec codec = new JsonCodec();
    t = System.nanoTime();
    List<byte[]> records = new ArrayList<>(log.events().size());
    long bytes = 0;
    for (OccupationEvent event : log.events()) {
      byte[] record = codec.write(event);
      records.add(record);
      bytes += record.length;
    }
    double encodeSeconds = seconds(t);
    Map<String, List<OccupationEvent>> bySpool = log.bySpool();

    Map<String, Supplier<Map<String, SpoolState>>> rebuilds = new LinkedHashMap<>();
    rebuilds.put(PER_SPOOL, () -> Replays.perSpool(bySpool));
    rebuilds.put(LOG_ORDER, () -> Replays.inLogOrder(log.events(), log.spools()));
    rebuilds.put(FROM_JSON, () -> Replays.fromJson(records, codec, log.spools()));

    Map<String, SpoolState> reference = Replays.inLogOrder(log.events(), log.spools());
    List<Map<String, Double>> rounds = new ArrayList<>();
    for (int round = 0; round <= runs; round++) {
      Map<String, Double> rates = new LinkedHashMap<>();
      for (Map.Entry<String, Supplier<Map<String, SpoolState>>> rebuild : rebuilds.entrySet()) {
        System.gc();
        long start = System.nanoTime();
        Map<String, SpoolState> states = rebuild.getValue().get();
        double took = seconds(start);
        if (!states.equals(reference)) {
          System.err.println(
              "replay: CORRECTNESS FAILURE: " + rebuild.getKey() + " rebuilt other states");
          return 1;
        }
        rates.put(rebuild.getKey(), Math.round(log.events().size() / took / 100.0) * 100.0);
      }
      if (round == 0) {
        System.out.printf("warm-up round (not counted): %s events/s%n", rates.values());
      } else {
        System.out.printf("round %d of %d: %s events/s%n", round, runs, rates.values());
        rounds.add(rates);
      }
    }
    Report report =
        new Report(
            machine,
            new Setup(events, spools, leaseEndShare, runs, seed),
            log.mix(),
            round(generateSeconds),
            round(encodeSeconds),
            round((double) bytes / records.size()),
            rounds,
            Medians.ofFigures(rounds),
            Machine.loadAverageNow());
    System.out.println();
    System.out.print(table(report));
    try {
      JsonFiles.write(report, json);
      System.out.println("JSON: " + json.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("could not write " + json + ": " + e);
    }
    return 0;
  }

  static String table(Report report) {
    StringBuilder out = new StringBuilder("== state replay from the event log ==\n");
    out.append(report.machine().describe()).append('\n');
    out.append(
        String.format(
            "log: %,d events over %,d spools (seed %d), generated by the real decider in %.1f s"
                + " (%,.0f decisions/s); JSON %.0f bytes/event, encoded in %.1f s%n",
            report.setup().events(),
            report.setup().spools(),
            report.setup().seed(),
            report.generateSeconds(),
            report.setup().events() / report.generateSeconds(),
            report.jsonBytesMean(),
            report.encodeSeconds()));
    out.append("event mix: ").append(report.eventMix()).append("\n\n");
    TextTable table = new TextTable();
    List<String> header = new ArrayList<>(List.of("events/s"));
    for (int i = 1; i <= report.runs().size(); i++) {
      header.add("run " + i);
    }
    header.add("median");
    table.row(header);
    for (String rebuild : report.medians().keySet()) {
      List<String> row = new ArrayList<>(List.of(rebuild));
      report.runs().forEach(run -> row.add(String.format("%,.0f", run.get(rebuild))));
      row.add(String.format("%,.0f", report.medians().get(rebuild)));
      table.row(row);
    }
    return out.append(table.render()).toString();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
