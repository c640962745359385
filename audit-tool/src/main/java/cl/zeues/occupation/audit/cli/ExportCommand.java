package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.export.AuditTrail;
import cl.zeues.occupation.audit.log.CannotRunException;
import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.ReadStats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the audit trail of a time window for auditors, in time order: CSV with the Metadata"
          + " sheet's columns (every cell formula-safe) or JSON lines (each event as the log holds"
          + " it).",
      "Exit 0: written (1 if malformed records were left out); 2: could not run."
    })
final class ExportCommand extends LogCommand {

  enum Format {
    csv,
    jsonl
  }

  @Option(names = "--from", paramLabel = "TIME", description = "from this instant (inclusive)")
  @Nullable String from;

  @Option(names = "--to", paramLabel = "TIME", description = "up to this instant (exclusive)")
  @Nullable String to;

  @Option(
      names = "--format",
      paramLabel = "csv|jsonl",
      defaultValue = "csv",
      description = "csv (default) or jsonl")
  Format format = Format.csv;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "write here instead of stdout (a summary then goes to stdout)")
  @Nullable Path file;

  ExportCommand(ToolContext context) {
    super(context);
  }

  record Summary(
      int exit,
      @Nullable Instant from,
      @Nullable Instant to,
      String format,
      int events,
      long malformed,
      String output) {}

  @Override
  public Integer call() {
    ZoneId zone = output.zoneId();
    Instant start = Times.parseOptional(from, zone);
    Instant end = Times.parseOptional(to, zone);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new CannotRunException("--from must be before --to");
    }
    AuditTrail trail = new AuditTrail(start, end);
    long[] malformed = {0};
    ReadStats stats =
        readLog(
            null,
            (Decoded decoded) -> {
              switch (decoded) {
                case Decoded.Event e -> trail.accept(e.event(), e.record().ref());
                case Decoded.Malformed m -> malformed[0]++;
              }
            });
    int exit = malformed[0] == 0 ? CLEAN : FINDINGS;
    if (file == null) {
      write(trail, context.out());
      context.err().flush();
      return exit;
    }
    try (OutputStream stream = Files.newOutputStream(file);
        PrintWriter writer = new PrintWriter(stream, false, StandardCharsets.UTF_8)) {
      write(trail, writer);
    } catch (IOException e) {
      throw new CannotRunException("cannot write " + file + ": " + e.getMessage(), e);
    }
    if (output.json) {
      printJson(
          new Summary(
              exit, start, end, format.name(), trail.size(), malformed[0], file.toString()));
    } else {
      println(
          "exported "
              + count(trail.size())
              + " events to "
              + file
              + " ("
              + format
              + ")"
              + (malformed[0] > 0 ? "; " + malformed[0] + " malformed record(s) left out" : "")
              + "; read "
              + rate(stats));
    }
    return exit;
  }

  private void write(AuditTrail trail, PrintWriter writer) {
    switch (format) {
      case csv -> trail.writeCsv(writer);
      case jsonl -> trail.writeJsonLines(writer);
    }
  }
}
