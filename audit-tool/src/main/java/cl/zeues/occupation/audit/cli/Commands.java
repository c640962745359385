package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.CannotRunException;
import cl.zeues.occupation.events.JsonCodec;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * Builds the command line and maps every way a run can end to an exit code: the command's own (0
 * clean, 1 findings), and 2 with one line on stderr for bad arguments and for anything that kept
 * the command from running (with {@code --json}, also {@code {"exit":2,"error":...}} on stdout).
 */
public final class Commands {

  private Commands() {}

  @Command(
      name = "audit-tool",
      mixinStandardHelpOptions = true,
      version = "audit-tool 0.1.0",
      description = {
        "Audit and replay tooling over the occupation.events log.",
        "Exit codes: 0 clean, 1 findings, 2 could not run."
      },
      commandListHeading = "%nCommands:%n")
  static final class Root implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getErr());
      return LogCommand.CANNOT_RUN;
    }
  }

  public static int execute(PrintStream out, PrintStream err, boolean interactive, String... args) {
    PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    ToolContext context = new ToolContext(outWriter, errWriter, interactive, Clock.systemUTC());
    CommandLine line = new CommandLine(new Root());
    line.addSubcommand(new ReplayCommand(context));
    line.addSubcommand(new VerifyCommand(context));
    line.addSubcommand(new DiffSheetsCommand(context));
    line.addSubcommand(new RepairSheetsCommand(context));
    line.addSubcommand(new RebuildSheetsCommand(context));
    line.addSubcommand(new HistoryCommand(context));
    line.addSubcommand(new StateAtCommand(context));
    line.addSubcommand(new ExportCommand(context));
    line.addSubcommand(new BackupCommand(context));
    line.addSubcommand(new RestoreCommand(context));
    line.setOut(outWriter);
    line.setErr(errWriter);
    line.setParameterExceptionHandler(parameterProblem(errWriter));
    line.setExecutionExceptionHandler(failure(outWriter, errWriter));
    try {
      return line.execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  private static IParameterExceptionHandler parameterProblem(PrintWriter err) {
    return (ParameterException e, String[] args) -> {
      CommandLine command = e.getCommandLine();
      err.println(
          command.getCommandSpec().qualifiedName()
              + ": "
              + oneLine(e.getMessage())
              + " (see '"
              + command.getCommandSpec().qualifiedName()
              + " --help')");
      return LogCommand.CANNOT_RUN;
    };
  }

  private static IExecutionExceptionHandler failure(PrintWriter out, PrintWriter err) {
    return (Exception e, CommandLine command, ParseResult parsed) -> {
      String message =
          e instanceof CannotRunException
              ? e.getMessage()
              : "unexpected failure: " + e.getClass().getSimpleName() + ": " + e.getMessage();
      message = oneLine(String.valueOf(message));
      err.println(command.getCommandSpec().qualifiedName() + ": " + message);
      ParseResult own = command.getParseResult();
      if (own != null && own.hasMatchedOption("--json")) {
        out.println(new JsonCodec().writeString(Map.of("exit", 2, "error", message)));
      }
      return LogCommand.CANNOT_RUN;
    };
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
