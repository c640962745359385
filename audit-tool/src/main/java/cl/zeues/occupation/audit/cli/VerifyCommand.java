package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.ReadStats;
import cl.zeues.occupation.audit.log.RecordRef;
import cl.zeues.occupation.audit.sheets.SheetGateway;
import cl.zeues.occupation.audit.sheets.SheetsTarget;
import cl.zeues.occupation.audit.verify.Finding;
import cl.zeues.occupation.audit.verify.Rule;
import cl.zeues.occupation.audit.verify.Verifier;
import cl.zeues.occupation.audit.verify.VerifyResult;
import cl.zeues.occupation.sheets.MetadataChain;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the invariants of the whole log (DESIGN.md section 3): one occupant at a time, only"
          + " the occupant releases, versions 1..n per spool, each command decided once, every"
          + " record a well-formed event (parses, key = tag_spool, ce_type = payload type).",
      "With --sheets, checks the spreadsheet's Metadata hash chain instead (no broker needed):"
          + " recomputes every row's Hash from the top and names the first row that does not"
          + " match (row, ID, stored and recomputed hash).",
      "Exit 0: clean; 1: findings; 2: could not run."
    })
final class VerifyCommand extends LogCommand {

  @Option(
      names = "--max-findings",
      paramLabel = "N",
      defaultValue = "1000",
      description = "findings listed in detail (all are counted; default ${DEFAULT-VALUE})")
  int maxFindings = 1000;

  @Option(
      names = "--sheets",
      description =
          "verify the Metadata sheet's hash chain (--spreadsheet-id, --sheets-root-url, ...)"
              + " instead of the log")
  boolean sheetsChain;

  @Mixin SheetsOptions sheets = new SheetsOptions();

  VerifyCommand(ToolContext context) {
    super(context);
  }

  /** The JSON document: the brief's shape, plus counts and speed. */
  record Report(
      int exit,
      String topic,
      long eventsRead,
      long spools,
      long elapsedMs,
      long eventsPerSecond,
      long findingsTotal,
      Map<Rule, Long> findingsByRule,
      List<Finding> findings) {}

  /** The JSON document of {@code verify --sheets}. */
  record ChainReport(
      int exit,
      String spreadsheetId,
      String sheet,
      int rows,
      int hashedRows,
      int unhashedRows,
      String head,
      long breaksTotal,
      MetadataChain.@Nullable Break firstBreak,
      List<MetadataChain.Break> breaks,
      long elapsedMs) {}

  @Override
  public Integer call() {
    if (sheetsChain) {
      return verifyChain();
    }
    Verifier verifier = new Verifier(Math.max(0, maxFindings));
    ReadStats stats = readLog(null, (Decoded decoded) -> verifier.accept(decoded));
    VerifyResult result = verifier.result();
    int exit = result.clean() ? CLEAN : FINDINGS;
    if (output.json) {
      printJson(
          new Report(
              exit,
              kafka.source().topic(),
              result.records(),
              result.spools(),
              stats.elapsed().toMillis(),
              Math.round(stats.recordsPerSecond()),
              result.findingCount(),
              result.counts(),
              result.findings()));
      return exit;
    }
    println(
        "verify "
            + kafka.source().topic()
            + " at "
            + kafka.source().bootstrapServers()
            + ": "
            + count(result.records())
            + " events, "
            + count(result.spools())
            + " spools");
    if (result.clean()) {
      println("clean: every invariant holds");
    } else {
      println(count(result.findingCount()) + " finding(s):");
      for (Finding finding : result.findings()) {
        println(
            "  "
                + finding.rule()
                + "  "
                + (finding.tagSpool() == null ? "(no tag)" : finding.tagSpool())
                + "  ["
                + finding.events().stream()
                    .map(RecordRef::toString)
                    .collect(Collectors.joining(", "))
                + "]  "
                + finding.detail());
      }
      if (result.findings().size() < result.findingCount()) {
        println(
            "  ... "
                + count(result.findingCount() - result.findings().size())
                + " more (see --max-findings)");
      }
      println(
          "by rule: "
              + result.counts().entrySet().stream()
                  .map(e -> e.getKey() + " " + count(e.getValue()))
                  .collect(Collectors.joining(", ")));
    }
    println("read and verified " + rate(stats));
    return exit;
  }

  private int verifyChain() {
    long started = System.nanoTime();
    SheetsTarget target = sheets.target();
    MetadataChain.Check chain;
    try (SheetGateway gateway = new SheetGateway(target)) {
      chain = gateway.readMetadata().chain(Math.max(0, maxFindings));
    }
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    int exit = chain.intact() ? CLEAN : FINDINGS;
    MetadataChain.Break first = chain.breaks().isEmpty() ? null : chain.breaks().getFirst();
    if (output.json) {
      printJson(
          new ChainReport(
              exit,
              target.spreadsheetId(),
              target.metadata(),
              chain.rows(),
              chain.hashedRows(),
              chain.unhashedRows(),
              chain.head(),
              chain.breakCount(),
              first,
              chain.breaks(),
              elapsedMs));
      return exit;
    }
    println(
        "verify --sheets "
            + target.metadata()
            + " of spreadsheet "
            + target.spreadsheetId()
            + " at "
            + target.rootUrl()
            + ": "
            + count(chain.rows())
            + " rows, "
            + count(chain.hashedRows())
            + " hashed"
            + (chain.unhashedRows() > 0
                ? ", " + count(chain.unhashedRows()) + " above them from before the chain (no Hash)"
                : ""));
    if (first == null) {
      println(
          chain.hashedRows() == 0
              ? "clean: no row carries a Hash yet"
              : "clean: every Hash matches its row chained after the row above; head "
                  + chain.head());
    } else {
      println("the hash chain is broken first at " + first.detail());
      println("  stored      " + (first.stored().isEmpty() ? "(none)" : first.stored()));
      println("  recomputed  " + first.recomputed());
      println(count(chain.breakCount()) + " row(s) break the chain:");
      for (MetadataChain.Break broken : chain.breaks()) {
        println(
            "  row "
                + broken.row()
                + "  "
                + broken.kind()
                + "  "
                + (broken.id().isEmpty() ? "(no ID)" : broken.id())
                + (broken.chainedAfterRow() == null
                    ? ""
                    : "  chained after row " + broken.chainedAfterRow()));
      }
      if (chain.breaks().size() < chain.breakCount()) {
        println(
            "  ... "
                + count(chain.breakCount() - chain.breaks().size())
                + " more (see --max-findings)");
      }
    }
    println(String.format(java.util.Locale.ROOT, "read and checked in %.2f s", elapsedMs / 1e3));
    return exit;
  }
}
