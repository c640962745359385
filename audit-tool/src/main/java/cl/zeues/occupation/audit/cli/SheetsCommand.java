package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.ProjectorProgress;
import cl.zeues.occupation.audit.log.ReadStats;
import cl.zeues.occupation.audit.sheets.Drift;
import cl.zeues.occupation.audit.sheets.DriftKind;
import cl.zeues.occupation.audit.sheets.DriftReport;
import cl.zeues.occupation.audit.sheets.SheetDiff;
import cl.zeues.occupation.audit.sheets.SheetGateway;
import cl.zeues.occupation.audit.sheets.SheetSnapshot;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What diff-sheets and repair-sheets share: reading the sheets, then the log, and comparing. */
abstract class SheetsCommand extends LogCommand {

  @Mixin SheetsOptions sheets = new SheetsOptions();

  @Option(
      names = "--projector-group",
      paramLabel = "GROUP",
      defaultValue = "sheets-projector",
      description =
          "the projector's consumer group: events it has not committed are lag, not drift (''"
              + " compares everything; default ${DEFAULT-VALUE})")
  String projectorGroup = "sheets-projector";

  @Option(
      names = "--max-findings",
      paramLabel = "N",
      defaultValue = "1000",
      description = "differences listed in detail (all are counted; default ${DEFAULT-VALUE})")
  int maxFindings = 1000;

  SheetsCommand(ToolContext context) {
    super(context);
  }

  /** A comparison, and what was read for it. */
  record Comparison(SheetSnapshot snapshot, DriftReport report, ReadStats stats) {}

  /**
   * The projector's committed offsets first, then the sheet, then the log up to its end now: so
   * every event the sheet shows is in the log read, and every event below the committed offsets had
   * landed before the sheet was read.
   */
  Comparison compare(SheetGateway gateway) {
    Map<Integer, Long> committed =
        projectorGroup.isBlank()
            ? Map.of()
            : ProjectorProgress.committed(kafka.source(), projectorGroup);
    SheetSnapshot snapshot = gateway.read();
    SheetDiff diff = new SheetDiff(snapshot, ref -> ProjectorProgress.pending(committed, ref));
    ReadStats stats = readLog(null, (Decoded decoded) -> diff.accept(decoded));
    return new Comparison(snapshot, diff.finish(), stats);
  }

  /** The JSON document of a comparison. */
  record DiffJson(
      int exit,
      String spreadsheetId,
      String topic,
      long eventsRead,
      int rowsCompared,
      int metadataRows,
      int remediarRows,
      long pendingEvents,
      long findingsTotal,
      long repairable,
      Map<DriftKind, Long> findingsByKind,
      List<Drift> findings) {}

  DiffJson json(int exit, Comparison comparison) {
    DriftReport report = comparison.report();
    return new DiffJson(
        exit,
        sheets.target().spreadsheetId(),
        kafka.source().topic(),
        comparison.stats().records(),
        report.rowsCompared(),
        report.metadataRows(),
        report.remediarRows(),
        report.pendingEvents(),
        report.drift().size(),
        report.repairable().size(),
        report.counts(),
        report.drift().stream().limit(Math.max(0, maxFindings)).toList());
  }

  void printDrift(DriftReport report) {
    report.drift().stream()
        .limit(Math.max(0, maxFindings))
        .forEach(
            d ->
                println(
                    "  "
                        + d.kind()
                        + "  "
                        + (d.tagSpool() == null ? "" : d.tagSpool() + "  ")
                        + d.detail()));
    if (report.drift().size() > maxFindings) {
      println("  ... " + count(report.drift().size() - maxFindings) + " more (see --max-findings)");
    }
  }

  String header(String verb, Comparison comparison) {
    DriftReport report = comparison.report();
    return verb
        + " spreadsheet "
        + sheets.target().spreadsheetId()
        + " at "
        + sheets.target().rootUrl()
        + " against "
        + kafka.source().topic()
        + ": "
        + count(comparison.stats().records())
        + " events, "
        + count(report.rowsCompared())
        + " "
        + sheets.operaciones
        + " rows compared, "
        + count(report.metadataRows())
        + " "
        + sheets.metadata
        + " rows ("
        + count(report.remediarRows())
        + " REMEDIAR)"
        + (report.pendingEvents() > 0
            ? ", " + count(report.pendingEvents()) + " events not yet projected (lag, not drift)"
            : "");
  }
}
