package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.ReadStats;
import cl.zeues.occupation.audit.log.RecordRef;
import cl.zeues.occupation.audit.verify.Finding;
import cl.zeues.occupation.audit.verify.Rule;
import cl.zeues.occupation.audit.verify.Verifier;
import cl.zeues.occupation.audit.verify.VerifyResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the invariants of the whole log (DESIGN.md section 3): one occupant at a time, only"
          + " the occupant releases, versions 1..n per spool, each command decided once, every"
          + " record a well-formed event (parses, key = tag_spool, ce_type = payload type).",
      "Exit 0: clean; 1: findings; 2: could not run."
    })
final class VerifyCommand extends LogCommand {

  @Option(
      names = "--max-findings",
      paramLabel = "N",
      defaultValue = "1000",
      description = "findings listed in detail (all are counted; default ${DEFAULT-VALUE})")
  int maxFindings = 1000;

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

  @Override
  public Integer call() {
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
}
