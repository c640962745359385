package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.backup.BackupFormat;
import cl.zeues.occupation.audit.backup.BackupWriter;
import cl.zeues.occupation.audit.log.CannotRunException;
import cl.zeues.occupation.audit.log.LogReader;
import cl.zeues.occupation.audit.log.ReadStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every committed record of the log (read_committed, every partition, offset 0 to the"
          + " end offsets seen at start) to a JSON-lines file that restore can republish: one line"
          + " per record with its partition, offset, timestamp, key, headers (name and base64"
          + " value, in order) and value (the raw bytes: as text when they are UTF-8 JSON, else"
          + " value_base64), between a header line (topic, partition count) and a trailer line"
          + " (counts), so a truncated copy is refused. A FILE ending in .gz is gzip-compressed.",
      "Unlike export, which writes the decoded events of a time window for auditors, backup keeps"
          + " every record byte for byte, malformed ones included: it is the copy to restore"
          + " from.",
      "Streams with bounded memory; the file appears under its name only once complete"
          + " (FILE.partial meanwhile).",
      "Exit 0: written; 2: could not run."
    })
final class BackupCommand extends LogCommand {

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "the backup file to write (replaced if it exists; .gz: compressed)")
  Path file;

  BackupCommand(ToolContext context) {
    super(context);
  }

  record Summary(
      int exit,
      String topic,
      String output,
      long records,
      int partitions,
      Map<Integer, Long> recordsByPartition,
      long bytes,
      long elapsedMs,
      long recordsPerSecond) {}

  @Override
  public Integer call() {
    String topic = kafka.source().topic();
    BackupFormat.Trailer trailer;
    ReadStats stats;
    int partitions;
    long bytes;
    try (LogReader reader = new LogReader(kafka.source())) {
      partitions = reader.partitions().size();
      BackupFormat.Header header =
          new BackupFormat.Header(
              topic, partitions, kafka.source().bootstrapServers(), context.clock().instant());
      try (BackupWriter writer = new BackupWriter(file, header)) {
        stats = reader.readStored(null, writer, progress("records"));
        trailer = writer.finish();
      }
      bytes = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new CannotRunException("cannot write " + file + ": no such directory", e);
    } catch (IOException | UncheckedIOException e) {
      throw new CannotRunException("cannot write " + file + ": " + e.getMessage(), e);
    }
    if (output.json) {
      printJson(
          new Summary(
              CLEAN,
              topic,
              file.toString(),
              trailer.records(),
              partitions,
              trailer.recordsByPartition(),
              bytes,
              stats.elapsed().toMillis(),
              Math.round(stats.recordsPerSecond())));
      return CLEAN;
    }
    println(
        "backed up "
            + count(trailer.records())
            + " records of "
            + partitions
            + " partitions of "
            + topic
            + " at "
            + kafka.source().bootstrapServers()
            + " to "
            + file
            + " ("
            + count(bytes)
            + " bytes) in "
            + seconds(stats.elapsed())
            + " ("
            + count(Math.round(stats.recordsPerSecond()))
            + " records/s)");
    return CLEAN;
  }
}
