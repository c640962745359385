package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.support.JsonFiles;
import cl.zeues.occupation.benchmarks.support.Machine;
import cl.zeues.occupation.benchmarks.support.Medians;
import cl.zeues.occupation.benchmarks.support.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The command bench's figures as text tables (one per run, then the medians over runs) and as JSON.
 * Every figure of a phase that is not the baseline is also given as a ratio to the baseline
 * measured the same way (at the same rate, or flat out) in the same run.
 *
 * @param medians per phase, each figure's median over the runs (ratios included)
 */
record CommandReport(
    Machine machine,
    Setup setup,
    List<Run> runs,
    Map<String, Map<String, Double>> medians,
    String loadAverageAtEnd) {

  /** What was measured, and how. */
  record Setup(
      int offeredRate,
      int secondsPerPhase,
      int sequentialSeconds,
      int warmupSeconds,
      int workers,
      int spools,
      int flatOutSpools,
      int maxInFlight,
      String mix,
      double conflictShare,
      int catalogWorkers,
      int processorConcurrency,
      String redisUrl,
      String broker,
      @Nullable String comparedRelay,
      long seed) {}

  /**
   * One run: its phases, and per phase the figures (ratios to the baseline included) that the
   * medians are taken of.
   */
  record Run(
      int run,
      String spoolPrefix,
      @Nullable String flatOutSpoolPrefix,
      List<PhaseResult> phases,
      Map<String, Map<String, Double>> figures) {

    Run(
        int run,
        String spoolPrefix,
        @Nullable String flatOutSpoolPrefix,
        List<PhaseResult> phases) {
      this(run, spoolPrefix, flatOutSpoolPrefix, phases, figuresWithRatios(phases));
    }
  }

  CommandReport(Machine machine, Setup setup, List<Run> runs, String loadAverageAtEnd) {
    this(machine, setup, runs, medians(runs), loadAverageAtEnd);
  }

  private static final Map<String, String> LABELS = labels();

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("throughput", "answered per second");
    labels.put("p50_ms", "p50 (ms)");
    labels.put("p90_ms", "p90 (ms)");
    labels.put("p99_ms", "p99 (ms)");
    labels.put("p99_9_ms", "p99.9 (ms)");
    labels.put("max_ms", "max (ms)");
    labels.put("tomar_p50_ms", "TOMAR p50 (ms)");
    labels.put("tomar_p99_ms", "TOMAR p99 (ms)");
    labels.put("service_p50_ms", "service time p50 (ms)");
    labels.put("service_p99_ms", "service time p99 (ms)");
    labels.put("conflict_rate", "conflict rate (409 SPOOL_OCCUPIED)");
    labels.put("commands_per_transaction", "processor: commands per transaction");
    labels.put("listener_mean_ms", "processor: listener ms per transaction");
    labels.put("send_offsets_mean_ms", "processor: send offsets ms per transaction");
    labels.put("transaction_commit_mean_ms", "processor: commit ms per transaction");
    labels.put("x_throughput", "throughput / baseline");
    labels.put("x_p50", "p50 / baseline");
    labels.put("x_p90", "p90 / baseline");
    labels.put("x_p99", "p99 / baseline");
    labels.put("x_p99_9", "p99.9 / baseline");
    return labels;
  }

  static PhaseResult result(
      String name,
      String path,
      PhaseResult.Mode mode,
      @Nullable Integer rate,
      int concurrency,
      int seconds,
      PhaseTally tally,
      double throughput) {
    Map<String, Long> outcomes = tally.outcomes();
    long completed = tally.completedCount();
    long conflicts = outcomes.getOrDefault(Outcome.CONFLICT, 0L);
    return new PhaseResult(
        name,
        path,
        mode,
        rate,
        concurrency,
        seconds,
        tally.sentCount(),
        completed,
        tally.unplannedCount(),
        round(throughput, 1),
        tally.responseTimes(),
        tally.serviceTimes(),
        tally.responseTimesByAction(),
        outcomes,
        completed == 0 ? 0 : round((double) conflicts / completed, 4),
        tally.unexpected(),
        tally.unexpectedSamples(),
        null,
        List.of());
  }

  /** Per phase, its figures plus its ratios to the baseline measured the same way. */
  static Map<String, Map<String, Double>> figuresWithRatios(List<PhaseResult> phases) {
    Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
    for (PhaseResult phase : phases) {
      Map<String, Double> own = new LinkedHashMap<>(phase.figures());
      PhaseResult baseline = baselineFor(phase, phases);
      if (baseline != null && baseline != phase) {
        putRatio(own, "x_throughput", phase.throughput(), baseline.throughput());
        putRatio(own, "x_p50", phase.responseTime().p50(), baseline.responseTime().p50());
        putRatio(own, "x_p90", phase.responseTime().p90(), baseline.responseTime().p90());
        putRatio(own, "x_p99", phase.responseTime().p99(), baseline.responseTime().p99());
        putRatio(own, "x_p99_9", phase.responseTime().p999(), baseline.responseTime().p999());
      }
      figures.put(phase.phase(), own);
    }
    return figures;
  }

  /**
   * The baseline phase measured as {@code phase} was: sequentially, at the same rate, or flat out.
   */
  private static @Nullable PhaseResult baselineFor(PhaseResult phase, List<PhaseResult> phases) {
    return phases.stream()
        .filter(p -> p.path().equals("baseline"))
        .filter(p -> p.mode() == phase.mode())
        .filter(p -> Objects.equals(p.offeredRate(), phase.offeredRate()))
        .findFirst()
        .orElse(null);
  }

  private static Map<String, Map<String, Double>> medians(List<Run> runs) {
    Map<String, List<Map<String, Double>>> byPhase = new LinkedHashMap<>();
    for (Run run : runs) {
      run.figures()
          .forEach(
              (phase, figures) ->
                  byPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(figures));
    }
    Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
    byPhase.forEach((phase, figures) -> medians.put(phase, Medians.ofFigures(figures)));
    return medians;
  }

  /** One line per answer that contradicted the prediction; empty when every answer fit. */
  List<String> failures() {
    List<String> failures = new ArrayList<>();
    for (Run run : runs) {
      for (PhaseResult phase : run.phases()) {
        if (phase.unexpected() > 0) {
          failures.add(
              String.format(
                  "run %d, %s: %d answers contradict the decider, e.g. %s",
                  run.run(), phase.phase(), phase.unexpected(), phase.unexpectedSamples()));
        }
      }
    }
    return failures;
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append("== command path vs raw Kafka baseline ==\n");
    out.append(machine.describe()).append('\n');
    out.append("load average at the end: ").append(loadAverageAtEnd).append('\n');
    out.append(
        String.format(
            "setup: sequential phases %d s each (one client, TOMAR/PAUSAR on one spool); %d"
                + " commands/s offered by %d workers for %d s per phase (warm-up %d s per"
                + " path); mix %s, %s of TOMARs race a held spool; %d spools per run (%d flat out,"
                + " at most %d in flight); %d workers in the catalog; processor concurrency %d;"
                + " Redis %s; broker in %s%n",
            setup.sequentialSeconds(),
            setup.offeredRate(),
            setup.workers(),
            setup.secondsPerPhase(),
            setup.warmupSeconds(),
            setup.mix(),
            percent(setup.conflictShare()),
            setup.spools(),
            setup.flatOutSpools(),
            setup.maxInFlight(),
            setup.catalogWorkers(),
            setup.processorConcurrency(),
            setup.redisUrl(),
            setup.broker()));
    out.append(
        "latency: at a rate from when a request was due (the driver's schedule), flat out from"
            + " when it was sent; service time always from when it was sent\n");
    out.append(
        "baseline: transactional request/reply relay (read_committed batch loop, one transaction"
            + " per poll with the replies and sendOffsetsToTransaction), no HTTP, Redis or domain;"
            + " producer "
            + TransactionalRelay.PRODUCER_TUNING
            + "\n");
    if (setup.comparedRelay() != null) {
      out.append("compared: the same relay with ")
          .append(setup.comparedRelay())
          .append(", on topics of its own\n");
    }
    for (Run run : runs) {
      out.append('\n').append(runTable(run));
    }
    if (runs.size() > 1) {
      out.append('\n')
          .append(String.format("-- medians of %d runs --%n", runs.size()))
          .append(figureTable(medians));
    }
    return out.toString();
  }

  /** One run's table: counts and outcomes, then the figures and ratios. */
  static String runTable(Run run) {
    List<PhaseResult> phases = run.phases();
    TextTable table = new TextTable();
    List<String> header = new ArrayList<>(List.of("run " + run.run()));
    phases.forEach(p -> header.add(p.phase()));
    table.row(header);
    table.row(
        row(
            "offered (per s)",
            phases,
            p ->
                switch (p.mode()) {
                  case SEQUENTIAL -> "one at a time";
                  case AT_RATE -> String.valueOf(p.offeredRate());
                  case FLAT_OUT -> "flat out";
                }));
    table.row(
        row(
            "sent / answered",
            phases,
            p ->
                p.sent()
                    + " / "
                    + p.completed()
                    + (p.unplanned() > 0 ? " (" + p.unplanned() + " not planned)" : "")));
    table.row(
        row(
            "outcomes",
            phases,
            p ->
                p.outcomes().entrySet().stream()
                    .map(e -> abbreviate(e.getKey()) + " " + e.getValue())
                    .collect(Collectors.joining(", "))));
    table.row(row("unexpected answers", phases, p -> String.valueOf(p.unexpected())));
    StringBuilder out = new StringBuilder(table.render());
    out.append(figureTable(run.figures()));
    out.append(breakdownTable(phases));
    return out.toString();
  }

  /**
   * Per phase the processor answered, p50 / p99 of each segment of a command's way (ms): the
   * percentiles of each segment on its own, so they need not add up to the total's.
   */
  static String breakdownTable(List<PhaseResult> phases) {
    List<PhaseResult> broken = phases.stream().filter(p -> !p.breakdown().isEmpty()).toList();
    if (broken.isEmpty()) {
      return "";
    }
    List<String> segments = new ArrayList<>();
    broken.forEach(
        p ->
            p.breakdown()
                .forEach(
                    f -> {
                      if (!segments.contains(f.segment())) {
                        segments.add(f.segment());
                      }
                    }));
    segments.sort(Comparator.comparingInt(CommandReport::segmentOrder));
    TextTable table = new TextTable();
    List<String> header = new ArrayList<>(List.of("breakdown, p50 / p99 (ms)"));
    broken.forEach(p -> header.add(p.phase()));
    table.row(header);
    for (String segment : segments) {
      List<String> cells = new ArrayList<>(List.of(segment));
      for (PhaseResult phase : broken) {
        cells.add(
            phase.breakdown().stream()
                .filter(f -> f.segment().equals(segment))
                .findFirst()
                .map(f -> f.p50() + " / " + f.p99())
                .orElse("-"));
      }
      table.row(cells);
    }
    return table.render();
  }

  private static int segmentOrder(String label) {
    for (Breakdown.Segment segment : Breakdown.Segment.values()) {
      if (segment.label.equals(label)) {
        return segment.ordinal();
      }
    }
    return Integer.MAX_VALUE;
  }

  private static String figureTable(Map<String, Map<String, Double>> figures) {
    TextTable table = new TextTable();
    List<String> header = new ArrayList<>(List.of(""));
    header.addAll(figures.keySet());
    table.row(header);
    LABELS.forEach(
        (key, label) -> {
          if (figures.values().stream().noneMatch(f -> f.containsKey(key))) {
            return;
          }
          List<String> cells = new ArrayList<>(List.of(label));
          for (Map<String, Double> phase : figures.values()) {
            Double value = phase.get(key);
            cells.add(value == null ? "-" : format(key, value));
          }
          table.row(cells);
        });
    return table.render();
  }

  private static String format(String key, double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (key.equals("conflict_rate")) {
      return percent(value);
    }
    if (key.startsWith("x_")) {
      return TextTable.fmt(value, 2) + "x";
    }
    if (key.equals("throughput")) {
      return TextTable.fmt(value, 0);
    }
    return TextTable.fmt(value, value < 10 ? 2 : 1);
  }

  private static String percent(double share) {
    return TextTable.fmt(share * 100, 1) + " %";
  }

  private static String abbreviate(String outcome) {
    return switch (outcome) {
      case Outcome.ACCEPTED -> "ok";
      case Outcome.CONFLICT -> "409";
      case "NO_AUTORIZADO" -> "403";
      case "LOCK_EXPIRED" -> "410";
      default -> outcome;
    };
  }

  private static List<String> row(
      String label,
      List<PhaseResult> phases,
      java.util.function.Function<PhaseResult, String> cell) {
    List<String> cells = new ArrayList<>(List.of(label));
    phases.forEach(p -> cells.add(cell.apply(p)));
    return cells;
  }

  void writeJson(Path file) throws IOException {
    JsonFiles.write(this, file);
  }

  /** {@code value / baseline}, left out when the baseline is 0 (nothing to compare with). */
  private static void putRatio(
      Map<String, Double> figures, String name, double value, double baseline) {
    if (baseline != 0) {
      figures.put(name, round(value / baseline, 2));
    }
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
