package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.ReadStats;
import cl.zeues.occupation.audit.replay.LogFold;
import cl.zeues.occupation.audit.replay.ReplaySummary;
import cl.zeues.occupation.events.Operacion;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds every spool's state from offset 0 (or as it was at --until) and prints the shop:"
          + " spools, occupied now, by operation, by worker.",
      "Exit 0: the log folds cleanly; 1: some records were malformed or broke an invariant (run"
          + " verify); 2: could not run."
    })
final class ReplayCommand extends LogCommand {

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description = "the state as of this time (ISO instant, or local date-time in --zone)")
  @Nullable String until;

  @Option(
      names = "--top-workers",
      paramLabel = "N",
      defaultValue = "10",
      description = "workers listed in the human report (default ${DEFAULT-VALUE})")
  int topWorkers = 10;

  ReplayCommand(ToolContext context) {
    super(context);
  }

  record Report(
      int exit,
      String topic,
      @Nullable Instant until,
      long eventsRead,
      int spools,
      int occupied,
      Map<Operacion, Integer> occupiedByOperation,
      Map<String, Integer> occupiedByWorker,
      Map<Operacion, Integer> completed,
      long malformed,
      long unfoldable,
      long elapsedMs,
      long eventsPerSecond) {}

  @Override
  public Integer call() {
    ZoneId zone = output.zoneId();
    Instant limit = Times.parseOptional(until, zone);
    LogFold fold = new LogFold(limit, tag -> true);
    ReadStats stats = readLog(null, (Decoded decoded) -> fold.accept(decoded));
    ReplaySummary summary = ReplaySummary.of(fold.states().values());
    int exit = fold.consistent() ? CLEAN : FINDINGS;
    if (output.json) {
      printJson(
          new Report(
              exit,
              kafka.source().topic(),
              limit,
              stats.records(),
              summary.spools(),
              summary.occupied(),
              summary.occupiedByOperation(),
              summary.occupiedByWorker(),
              summary.completed(),
              fold.malformed(),
              fold.unfoldable(),
              stats.elapsed().toMillis(),
              Math.round(stats.recordsPerSecond())));
      return exit;
    }
    println(
        "replay "
            + kafka.source().topic()
            + " at "
            + kafka.source().bootstrapServers()
            + (limit == null ? "" : " until " + Times.print(limit, zone) + " (" + zone + ")"));
    println("  spools         " + count(summary.spools()));
    println(
        "  occupied now   "
            + count(summary.occupied())
            + (summary.occupiedByOperation().isEmpty()
                ? ""
                : "  ("
                    + summary.occupiedByOperation().entrySet().stream()
                        .map(e -> e.getKey() + " " + count(e.getValue()))
                        .collect(Collectors.joining(", "))
                    + ")"));
    println(
        "  by worker      "
            + (summary.occupiedByWorker().isEmpty()
                ? "-"
                : summary.occupiedByWorker().entrySet().stream()
                        .limit(Math.max(0, topWorkers))
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                    + (summary.occupiedByWorker().size() > topWorkers
                        ? ", ... (" + summary.occupiedByWorker().size() + " workers)"
                        : "")));
    println(
        "  completed      ARM "
            + count(summary.completed().getOrDefault(Operacion.ARM, 0))
            + ", SOLD "
            + count(summary.completed().getOrDefault(Operacion.SOLD, 0)));
    if (!fold.consistent()) {
      println(
          "  the log is not consistent: "
              + count(fold.malformed())
              + " malformed record(s), "
              + count(fold.unfoldable())
              + " event(s) that do not fold were skipped; run verify");
    }
    println("read and replayed " + rate(stats));
    return exit;
  }
}
