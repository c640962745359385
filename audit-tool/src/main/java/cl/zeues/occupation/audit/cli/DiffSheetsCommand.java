package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.sheets.DriftReport;
import cl.zeues.occupation.audit.sheets.SheetGateway;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

@Command(
    name = "diff-sheets",
    mixinStandardHelpOptions = true,
    description = {
      "Compares the spreadsheet with the log: each spool's Operaciones occupation cells with the"
          + " replayed state (cell by cell), each event with its Metadata row (missing,"
          + " duplicated, altered, or a row no event explains). REMEDIAR rows are not drift.",
      "Exit 0: the sheets match the log; 1: drift found; 2: could not run."
    })
final class DiffSheetsCommand extends SheetsCommand {

  DiffSheetsCommand(ToolContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    try (SheetGateway gateway = new SheetGateway(sheets.target())) {
      Comparison comparison = compare(gateway);
      DriftReport report = comparison.report();
      int exit = report.clean() ? CLEAN : FINDINGS;
      if (output.json) {
        printJson(json(exit, comparison));
        return exit;
      }
      println(header("diff-sheets", comparison));
      if (report.clean()) {
        println("clean: the sheets match the log");
      } else {
        println(
            count(report.drift().size())
                + " difference(s) ("
                + report.counts().entrySet().stream()
                    .map(e -> e.getKey() + " " + count(e.getValue()))
                    .collect(Collectors.joining(", "))
                + "); "
                + count(report.repairable().size())
                + " repairable with repair-sheets:");
        printDrift(report);
      }
      println("read " + rate(comparison.stats()));
      return exit;
    }
  }
}
