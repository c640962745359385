package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.sheets.DriftKind;
import cl.zeues.occupation.audit.sheets.DriftReport;
import cl.zeues.occupation.audit.sheets.RepairPlan;
import cl.zeues.occupation.audit.sheets.SheetGateway;
import cl.zeues.occupation.audit.sheets.SheetSnapshot;
import cl.zeues.occupation.sheets.MetadataChain;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "repair-sheets",
    mixinStandardHelpOptions = true,
    description = {
      "Runs diff-sheets, then rewrites drifted occupation cells and appends missing Metadata rows."
          + " Every repair is itself recorded as a Metadata row with Accion REMEDIAR (what changed,"
          + " before and after, by whom), written before the cells. Duplicated, altered and"
          + " unexplained Metadata rows and missing Operaciones rows are reported, never changed."
          + " Metadata rows are only appended, each chained (Hash) after the sheet's last row as it"
          + " is right before the append; a chain already broken above is reported, not mended.",
      "Exit 0: nothing left to repair; 1: drift that needs people remains (or --dry-run found"
          + " drift); 2: could not run."
    })
final class RepairSheetsCommand extends SheetsCommand {

  @Option(names = "--dry-run", description = "show what would be written; write nothing")
  boolean dryRun;

  @Option(
      names = "--operator",
      paramLabel = "NAME",
      defaultValue = "${env:USER:-audit-tool}",
      description = "who repairs, as the REMEDIAR rows name them (default ${DEFAULT-VALUE})")
  String operator = "audit-tool";

  @Option(
      names = "--cells-per-request",
      paramLabel = "N",
      defaultValue = "5000",
      description = "cells per write request (default ${DEFAULT-VALUE})")
  int cellsPerRequest = 5000;

  RepairSheetsCommand(ToolContext context) {
    super(context);
  }

  record RepairJson(
      int exit,
      boolean dryRun,
      DiffJson diff,
      int cellsRewritten,
      int rowsRepaired,
      int metadataRowsRestored,
      int remediarRowsWritten,
      long writeRequests,
      int unrepairable,
      List<Integer> rowsLeftAlone,
      @Nullable Integer chainBrokenAtRow,
      @Nullable Integer chainedAfterRow) {}

  @Override
  public Integer call() {
    try (SheetGateway gateway = new SheetGateway(sheets.target())) {
      Comparison comparison = compare(gateway);
      DriftReport report = comparison.report();
      SheetSnapshot snapshot = comparison.snapshot();
      Set<Integer> movedOn = Set.of();
      if (!dryRun) {
        Set<Integer> rows = new HashSet<>();
        report.drift().stream()
            .filter(d -> d.kind() == DriftKind.CELL_DRIFT && d.row() != null)
            .forEach(d -> rows.add(d.row()));
        movedOn = gateway.rowsChangedSince(snapshot, rows);
        report = report.withoutCellsOf(movedOn);
      }
      RepairPlan plan =
          RepairPlan.of(report, snapshot, context.clock().instant(), operator, UUID::randomUUID);
      int unrepairable = report.unrepairable().size();
      List<MetadataChain.Break> broken =
          MetadataChain.check(snapshot.metadataChainRows(), 1).breaks();
      Integer chainBrokenAt = broken.isEmpty() ? null : broken.getFirst().row();
      Integer chainedAfter = null;
      if (!dryRun && !plan.isEmpty()) {
        // The REMEDIAR rows go first: a repair may fail half-way, but never silently.
        if (!plan.metadataContent().isEmpty()) {
          SheetGateway.MetadataTail tail = gateway.metadataTail(snapshot.metadataLayout());
          gateway.append(
              snapshot.metadataLayout().tableRange(), plan.metadataRows(tail.previous()));
          chainedAfter = tail.lastRow();
        }
        gateway.update(plan.cells(), Math.max(1, cellsPerRequest));
      }
      int exit =
          unrepairable > 0 || !movedOn.isEmpty() || (dryRun && !report.clean()) ? FINDINGS : CLEAN;
      if (output.json) {
        printJson(
            new RepairJson(
                exit,
                dryRun,
                json(report.clean() ? CLEAN : FINDINGS, comparison),
                plan.cells().size(),
                plan.repairedRows(),
                plan.restoredEvents(),
                plan.remediarRows(),
                gateway.writes(),
                unrepairable,
                movedOn.stream().sorted().toList(),
                chainBrokenAt,
                chainedAfter));
        return exit;
      }
      println(header("repair-sheets" + (dryRun ? " --dry-run" : ""), comparison));
      if (report.clean()) {
        println("clean: nothing to repair");
        return exit;
      }
      printDrift(report);
      println(
          (dryRun ? "would rewrite " : "rewrote ")
              + count(plan.cells().size())
              + " cell(s) in "
              + count(plan.repairedRows())
              + " row(s), "
              + (dryRun ? "would restore " : "restored ")
              + count(plan.restoredEvents())
              + " Metadata row(s), "
              + (dryRun ? "would record " : "recorded ")
              + count(plan.remediarRows())
              + " REMEDIAR row(s)"
              + (dryRun ? "; nothing written" : " in " + gateway.writes() + " write request(s)"));
      if (unrepairable > 0) {
        println(count(unrepairable) + " difference(s) need people (not changed by this tool)");
      }
      if (chainBrokenAt != null) {
        println(
            "the "
                + snapshot.metadataSheet()
                + " hash chain was already broken at row "
                + chainBrokenAt
                + " (see verify --sheets); "
                + (chainedAfter != null
                    ? "the new rows are chained after row " + chainedAfter + " all the same"
                    : "new rows would be chained after the last row all the same"));
      }
      if (!movedOn.isEmpty()) {
        println(
            count(movedOn.size())
                + " row(s) left alone: the projector wrote them while this ran "
                + movedOn);
      }
      return exit;
    }
  }
}
