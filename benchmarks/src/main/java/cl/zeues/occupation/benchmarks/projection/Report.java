package cl.zeues.occupation.benchmarks.projection;

import cl.zeues.occupation.benchmarks.support.JsonFiles;
import cl.zeues.occupation.benchmarks.support.Machine;
import cl.zeues.occupation.benchmarks.support.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The bench's figures as a text table and as JSON.
 *
 * @param unknownRows {@code Metadata} rows no run published
 * @param loadAverageAtEnd the machine's 1, 5 and 15 minute load averages when the runs ended
 */
record Report(
    Machine machine, Setup setup, List<RunResult> runs, long unknownRows, String loadAverageAtEnd) {

  /** What was measured, and with which settings. */
  record Setup(
      int spools,
      long secondsPerRun,
      long pollIntervalMs,
      int emulatorWritesPerMinute,
      int projectorWritesPerMinute,
      int maxEvents,
      String maxWait,
      String backoffInitial,
      String backoffMax,
      long seed,
      List<String> projectorArgs) {}

  /** One line per correctness problem; empty when every run is whole. */
  List<String> failures() {
    List<String> failures = new ArrayList<>();
    for (RunResult run : runs) {
      if (run.landed() < run.offered()) {
        failures.add(
            String.format(
                "%s: %d of %d events have no Metadata row after the bounded wait",
                run.run(), run.offered() - run.landed(), run.offered()));
      }
      if (run.duplicates() > 0) {
        failures.add(String.format("%s: %d duplicated Metadata rows", run.run(), run.duplicates()));
      }
      if (run.spoolRowsBehind() > 0) {
        failures.add(
            String.format(
                "%s: %d of %d Operaciones rows do not show their spool's latest version",
                run.run(), run.spoolRowsBehind(), run.spoolsTouched()));
      }
      if (run.sendFailures() > 0) {
        failures.add(
            String.format("%s: %d events could not be published", run.run(), run.sendFailures()));
      }
    }
    if (unknownRows > 0) {
      failures.add(unknownRows + " Metadata rows carry an id no run published");
    }
    return failures;
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append("== sheets projector: requests per event, lag, 429 storm ==\n");
    out.append(machine.describe()).append('\n');
    out.append("load average at the end: ").append(loadAverageAtEnd).append('\n');
    out.append(
        String.format(
            "setup: %d spools; each run publishes for %d s; emulator quota %d writes/min; projector"
                + " budget %d writes/min, max-events %d, max-wait %s, backoff %s..%s%s%n",
            setup.spools(),
            setup.secondsPerRun(),
            setup.emulatorWritesPerMinute(),
            setup.projectorWritesPerMinute(),
            setup.maxEvents(),
            setup.maxWait(),
            setup.backoffInitial(),
            setup.backoffMax(),
            setup.projectorArgs().isEmpty() ? "" : "; " + String.join(" ", setup.projectorArgs())));
    out.append(
        String.format(
            "lag: producer.send -> Metadata row visible in the emulator (read in-process every %d"
                + " ms, so +%d ms resolution)%n",
            setup.pollIntervalMs(), setup.pollIntervalMs()));
    out.append(
        "requests: the projector's zeues.projection.sheets.requests, every attempt (429s"
            + " included); runs go back to back, so the sliding-minute write budget carries over\n\n");

    List<String[]> rows = new ArrayList<>();
    rows.add(header());
    rows.add(row("offered rate (ev/s)", r -> fmt(r.achievedRate(), 1)));
    rows.add(row("events offered", r -> String.valueOf(r.offered())));
    rows.add(row("rows landed (Metadata)", r -> String.valueOf(r.landed())));
    rows.add(row("duplicates", r -> String.valueOf(r.duplicates())));
    rows.add(
        row(
            "Operaciones rows current",
            r -> (r.spoolsTouched() - r.spoolRowsBehind()) + "/" + r.spoolsTouched()));
    rows.add(row("flushes", r -> String.valueOf(r.requests().flushes())));
    rows.add(row("events per flush", r -> fmt(r.eventsPerFlush(), 1)));
    rows.add(row("flush time mean (ms)", r -> fmt(r.requests().flushMillisMean(), 0)));
    rows.add(row("batchGet", r -> String.valueOf(r.requests().batchGet())));
    rows.add(row("batchUpdate", r -> String.valueOf(r.requests().batchUpdate())));
    rows.add(row("append", r -> String.valueOf(r.requests().append())));
    rows.add(row("write requests / event", r -> fmt(r.writeRequestsPerEvent(), 4)));
    rows.add(row("all requests / event", r -> fmt(r.requestsPerEvent(), 4)));
    rows.add(row("429s (projector saw)", r -> String.valueOf(r.requests().rateLimited())));
    rows.add(row("429s (emulator answered)", r -> String.valueOf(r.emulator().rateLimited())));
    rows.add(
        row("emulator reads / writes", r -> r.emulator().reads() + " / " + r.emulator().writes()));
    rows.add(row("lag p50 (ms)", r -> fmt(r.lag().p50Ms(), 0)));
    rows.add(row("lag p90 (ms)", r -> fmt(r.lag().p90Ms(), 0)));
    rows.add(row("lag p99 (ms)", r -> fmt(r.lag().p99Ms(), 0)));
    rows.add(row("lag max (ms)", r -> fmt(r.lag().maxMs(), 0)));
    rows.add(
        row(
            "caught up after last publish (s)",
            r -> orNotCaughtUp(r.caughtUpAfterLastPublishSeconds())));
    TextTable table = new TextTable();
    rows.forEach(table::row);
    out.append(table.render());

    for (RunResult run : runs) {
      RunResult.Storm storm = run.storm();
      if (storm == null) {
        continue;
      }
      out.append('\n')
          .append(
              String.format(
                  "storm (%s): every write answered 429 for %.0f s, from %.1f s into the run;"
                      + " the emulator answered %d 429s (the projector counted %d).%n",
                  run.run(),
                  storm.seconds(),
                  storm.startedAfterSeconds(),
                  storm.answered429(),
                  run.requests().rateLimited()))
          .append(
              String.format(
                  "  rows landed %d of %d offered, duplicates %d; max lag %.1f s; caught up %s%n",
                  run.landed(),
                  run.offered(),
                  run.duplicates(),
                  run.lag().maxMs() / 1000,
                  storm.caughtUpAfterStormSeconds() == null
                      ? "NOT within the bounded wait"
                      : String.format(
                          Locale.ROOT,
                          "%.1f s after the storm ended",
                          storm.caughtUpAfterStormSeconds())));
    }
    if (unknownRows > 0) {
      out.append(unknownRows).append(" Metadata rows carry an id no run published\n");
    }
    return out.toString();
  }

  void writeJson(Path file) throws IOException {
    JsonFiles.write(this, file);
  }

  private String[] header() {
    String[] cells = new String[runs.size() + 1];
    cells[0] = "";
    for (int i = 0; i < runs.size(); i++) {
      cells[i + 1] = runs.get(i).run();
    }
    return cells;
  }

  private String[] row(String label, Function<RunResult, String> value) {
    String[] cells = new String[runs.size() + 1];
    cells[0] = label;
    for (int i = 0; i < runs.size(); i++) {
      cells[i + 1] = value.apply(runs.get(i));
    }
    return cells;
  }

  private static String fmt(double value, int decimals) {
    return TextTable.fmt(value, decimals);
  }

  private static String orNotCaughtUp(@Nullable Double seconds) {
    return seconds == null ? "NOT CAUGHT UP" : fmt(seconds, 1);
  }
}
