package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.backup.BackupFormat;
import cl.zeues.occupation.audit.backup.BackupReader;
import cl.zeues.occupation.audit.backup.BackupReader.BadBackupException;
import cl.zeues.occupation.audit.backup.Republisher;
import cl.zeues.occupation.audit.backup.Republisher.RestoreFailedException;
import cl.zeues.occupation.audit.backup.RestoreTarget;
import cl.zeues.occupation.audit.log.CannotRunException;
import cl.zeues.occupation.audit.log.KafkaSource;
import cl.zeues.occupation.audit.log.Progress;
import cl.zeues.occupation.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Republishes a backup file (see backup) into the events topic of the cluster at"
          + " --bootstrap-servers: every record into the partition it came from, in file order,"
          + " with its key, headers, value and timestamp. Offsets are not kept (the producer's"
          + " transaction markers take offsets too).",
      "The whole file is checked first (header, every line, offsets rising per partition, the"
          + " trailer's counts): a bad line is named by its number and nothing is published.",
      "The topic is created if missing, with the backup's partition count and the events topic's"
          + " configs (kept forever); an existing topic must have that partition count and hold"
          + " no records (unless --allow-non-empty).",
      "Records go through an idempotent transactional producer (acks=all), --batch-size per"
          + " transaction; if publishing fails, the records committed so far are reported and the"
          + " open transaction is aborted.",
      "Stop the occupation-processor writing to the target meanwhile. Check the result with"
          + " verify and diff-sheets against the target.",
      "Exit 0: restored; 2: could not run (bad file, target refused, publishing failed)."
    })
final class RestoreCommand extends LogCommand {

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "the backup file (.gz: compressed)")
  Path file;

  @Option(
      names = "--allow-non-empty",
      description = "append to a topic that already holds records (mixes two histories)")
  boolean allowNonEmpty;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "5000",
      description = "records per transaction (default ${DEFAULT-VALUE})")
  int batchSize = 5000;

  @Option(
      names = "--topic-replicas",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "replication factor if the topic is created, min.insync.replicas a majority of it, as"
              + " the processor's zeues.processor.topic-replicas (default ${DEFAULT-VALUE})")
  short topicReplicas = 1;

  RestoreCommand(ToolContext context) {
    super(context);
  }

  record Summary(
      int exit,
      String topic,
      String input,
      long records,
      int partitions,
      Map<Integer, Long> recordsByPartition,
      long bytes,
      boolean topicCreated,
      long offsetsBefore,
      long transactions,
      long elapsedMs,
      long recordsPerSecond) {}

  @Override
  public Integer call() {
    if (batchSize < 1) {
      throw new CannotRunException("--batch-size must be at least 1");
    }
    Topics.Replication replication;
    try {
      replication = Topics.Replication.of(topicReplicas);
    } catch (IllegalArgumentException e) {
      throw new CannotRunException("--topic-replicas must be at least 1");
    }
    if (!Files.isReadable(file)) {
      throw new CannotRunException("cannot read " + file);
    }
    long started = System.nanoTime();
    KafkaSource target = kafka.source();
    BackupReader reader = new BackupReader(file);
    BackupFormat.Header header;
    BackupFormat.Trailer trailer;
    RestoreTarget.Readiness readiness;
    try (RestoreTarget topic = new RestoreTarget(target)) {
      try {
        header = reader.header();
        readiness = topic.check(header.partitions(), allowNonEmpty);
        Progress checking = progress("records checked");
        long[] checked = {0};
        trailer = reader.read((line, record) -> checking.update(++checked[0], 0));
        checking.finish(checked[0], 0);
      } catch (BadBackupException e) {
        throw new CannotRunException(where(e) + e.getMessage() + "; nothing was published");
      }
      if (readiness.missing()) {
        topic.create(header.partitions(), replication);
      }
    }
    long transactions;
    try (Republisher republisher =
        new Republisher(target, batchSize, progress("records"), trailer.records())) {
      reader.read(republisher::publish);
      republisher.finish();
      transactions = republisher.transactions();
    } catch (BadBackupException e) {
      throw new CannotRunException(
          where(e) + e.getMessage() + " (the file changed while restoring?)");
    } catch (RestoreFailedException e) {
      throw new CannotRunException(
          "publishing to "
              + target.topic()
              + " at "
              + target.bootstrapServers()
              + " failed: "
              + e.getMessage()
              + "; "
              + (e.committed() == 0
                  ? "nothing was committed"
                  : "committed "
                      + count(e.committed())
                      + " of "
                      + count(trailer.records())
                      + " records in "
                      + count(e.transactions())
                      + " transaction(s) (file lines 2 to "
                      + e.lastCommittedLine()
                      + ", per partition "
                      + e.committedByPartition()
                      + "), the open transaction aborted; the topic holds a partial copy: delete"
                      + " it and restore again"),
          e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    long perSecond = Math.round(trailer.records() / Math.max(1e-9, elapsed.toNanos() / 1e9));
    long bytes = size();
    if (output.json) {
      printJson(
          new Summary(
              CLEAN,
              target.topic(),
              file.toString(),
              trailer.records(),
              header.partitions(),
              trailer.recordsByPartition(),
              bytes,
              readiness.missing(),
              readiness.offsetsHeld(),
              transactions,
              elapsed.toMillis(),
              perSecond));
      return CLEAN;
    }
    println(
        "restored "
            + count(trailer.records())
            + " records into "
            + header.partitions()
            + " partitions of "
            + target.topic()
            + " at "
            + target.bootstrapServers()
            + (readiness.missing()
                ? " (created)"
                : " (existing, " + count(readiness.offsetsHeld()) + " offsets before)")
            + " from "
            + file
            + " ("
            + count(bytes)
            + " bytes; "
            + header.topic()
            + " at "
            + header.source()
            + ", taken "
            + header.takenAt()
            + ") in "
            + seconds(elapsed)
            + " ("
            + count(perSecond)
            + " records/s, "
            + count(transactions)
            + " transaction(s))");
    return CLEAN;
  }

  private String where(BadBackupException e) {
    return e.line() > 0 ? file + " line " + e.line() + ": " : "";
  }

  private long size() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
