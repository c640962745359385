package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.ReadStats;
import cl.zeues.occupation.audit.replay.LogFold;
import cl.zeues.occupation.audit.sheets.Rebuild;
import cl.zeues.occupation.audit.sheets.SheetGateway;
import cl.zeues.occupation.audit.sheets.SheetsTarget;
import cl.zeues.occupation.events.OccupationEvent;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "rebuild-sheets",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a complete fresh projection of the log into another spreadsheet (--spreadsheet):"
          + " every spool's occupation cells and one Metadata row per event, in large batches under"
          + " the write budget (429 Retry-After honoured), with a progress bar. Missing sheets and"
          + " headers are created; running it again finishes an interrupted rebuild.",
      "Exit 0: written; 1: written, but the log has records that do not fold (run verify); 2:"
          + " could not run."
    })
final class RebuildSheetsCommand extends LogCommand {

  @Mixin SheetsOptions sheets = new SheetsOptions();

  @Option(
      names = "--spreadsheet",
      required = true,
      paramLabel = "ID",
      description = "the spreadsheet to write into (not the live one)")
  String spreadsheet = "";

  @Option(
      names = "--rows-per-request",
      paramLabel = "N",
      defaultValue = "2000",
      description = "rows per write request (default ${DEFAULT-VALUE})")
  int rowsPerRequest = 2000;

  RebuildSheetsCommand(ToolContext context) {
    super(context);
  }

  record Report(
      int exit,
      String spreadsheetId,
      long eventsRead,
      List<String> sheetsAdded,
      int spoolsUpdated,
      int spoolsAppended,
      int metadataRowsAppended,
      int metadataRowsAlreadyThere,
      long writeRequests,
      long rateLimited,
      long elapsedMs) {}

  @Override
  public Integer call() {
    SheetsTarget target = sheets.target(spreadsheet, "--spreadsheet");
    long started = System.nanoTime();
    try (SheetGateway gateway = new SheetGateway(target)) {
      Rebuild rebuild = new Rebuild(gateway, Math.max(1, rowsPerRequest));
      List<String> added = rebuild.prepare();
      LogFold fold = LogFold.everything();
      List<OccupationEvent> events = new ArrayList<>();
      ReadStats stats =
          readLog(
              null,
              (Decoded decoded) -> {
                fold.accept(decoded);
                if (decoded instanceof Decoded.Event e) {
                  events.add(e.event());
                }
              });
      Rebuild.Outcome outcome =
          rebuild.run(fold.states(), events, added, progress("write requests"));
      int exit = fold.consistent() ? CLEAN : FINDINGS;
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      if (output.json) {
        printJson(
            new Report(
                exit,
                target.spreadsheetId(),
                stats.records(),
                outcome.sheetsAdded(),
                outcome.spoolsUpdated(),
                outcome.spoolsAppended(),
                outcome.metadataRowsAppended(),
                outcome.metadataRowsAlreadyThere(),
                outcome.writeRequests(),
                outcome.rateLimited(),
                elapsedMs));
        return exit;
      }
      println(
          "rebuild-sheets into spreadsheet "
              + target.spreadsheetId()
              + " at "
              + target.rootUrl()
              + " from "
              + kafka.source().topic()
              + ": "
              + count(stats.records())
              + " events");
      if (!outcome.sheetsAdded().isEmpty()) {
        println("  sheets added        " + outcome.sheetsAdded());
      }
      println(
          "  "
              + target.operaciones()
              + "         "
              + count(outcome.spoolsUpdated())
              + " rows updated, "
              + count(outcome.spoolsAppended())
              + " rows appended");
      println(
          "  "
              + target.metadata()
              + "            "
              + count(outcome.metadataRowsAppended())
              + " rows appended ("
              + count(outcome.metadataRowsAlreadyThere())
              + " already there)");
      println(
          "  write requests      "
              + count(outcome.writeRequests())
              + " ("
              + count(outcome.rateLimited())
              + " answered 429 and retried), "
              + String.format(java.util.Locale.ROOT, "%.1f s", elapsedMs / 1000.0));
      if (!fold.consistent()) {
        println(
            "  the log is not consistent ("
                + fold.malformed()
                + " malformed, "
                + fold.unfoldable()
                + " not folding); run verify");
      }
      return exit;
    }
  }
}
