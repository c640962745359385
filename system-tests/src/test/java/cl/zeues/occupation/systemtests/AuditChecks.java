package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.AuditTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * The audit tool run against the system from the outside, as an operator would after an incident:
 * {@code verify} over the whole events log, {@code diff-sheets} of the spreadsheet against it. A
 * finding fails the test with the tool's own JSON.
 */
final class AuditChecks {

  private AuditChecks() {}

  /** Runs {@code audit-tool verify --json} over the whole log and expects exit 0, no findings. */
  static JsonNode assertVerifyClean(ZeuesSystem system) {
    return assertClean("verify", List.of("--bootstrap-servers", system.brokers()));
  }

  /**
   * Runs {@code audit-tool diff-sheets --json} until it is clean (the projector catching up), at
   * most {@code within}: every spool's {@code Operaciones} cells equal the replayed state and every
   * event has exactly one {@code Metadata} row.
   */
  static JsonNode awaitSheetsMatchLog(ZeuesSystem system, Duration within) {
    List<String> options =
        List.of(
            "--bootstrap-servers",
            system.brokers(),
            "--sheets-root-url",
            system.emulator().rootUrl(),
            "--spreadsheet-id",
            ZeuesSystem.SPREADSHEET);
    return Awaitility.await("audit-tool diff-sheets clean")
        .atMost(within)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptionsInstanceOf(AssertionError.class)
        .until(() -> assertClean("diff-sheets", options), json -> true);
  }

  private static JsonNode assertClean(String command, List<String> options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(options);
    args.add("--json");
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = AuditTool.run(o, e, args.toArray(String[]::new));
    }
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(exit)
        .as("audit-tool %s exit code; report: %s; stderr: %s", command, report, err)
        .isZero();
    JsonNode json = Tablets.JSON.readTree(report);
    assertThat(json.path("findings").size()).as("audit-tool %s findings", command).isZero();
    return json;
  }
}
