package cl.zeues.occupation.audit;

import cl.zeues.occupation.audit.cli.Commands;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The audit tool's entry point: {@code audit-tool <command> [options]}. Exit codes: 0 clean, 1
 * findings, 2 could not run (broker unreachable, bad arguments: one line on stderr, no stack
 * trace).
 */
public final class AuditTool {

  private AuditTool() {}

  /**
   * Runs one subcommand in-process and returns its exit code; what it prints goes to {@code out}
   * (the report, or JSON with {@code --json}) and {@code err} (errors and progress).
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    boolean interactive = err == System.err && System.console() != null;
    return Commands.execute(out, err, interactive, args);
  }

  public static void main(String[] args) {
    // Library logging (Kafka's connection warnings, the Sheets client) would interleave with the
    // report; the tool says what went wrong itself, in one line.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "zeues-audit-tool-logback.xml");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(run(out, System.err, args));
  }
}
