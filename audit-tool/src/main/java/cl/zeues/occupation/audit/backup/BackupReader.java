package cl.zeues.occupation.audit.backup;

import cl.zeues.occupation.audit.log.StoredRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a backup file line by line and checks it as it goes: the header first, record lines in a
 * partition the header counts with offsets rising per partition, and the trailer last with the
 * counts the lines add up to. Any other line ends the read with its line number; so does a file
 * that ends before its trailer (a truncated copy).
 */
public final class BackupReader {

  private final Path file;

  public BackupReader(Path file) {
    this.file = file;
  }

  /** What {@link #read} hands each record to, with the line it came from. */
  @FunctionalInterface
  public interface RecordSink {
    void accept(long line, StoredRecord record);
  }

  /** A line that breaks the format, or an unreadable file; the message names the line. */
  public static final class BadBackupException extends RuntimeException {
    private final long line;

    BadBackupException(long line, String message) {
      super(message);
      this.line = line;
    }

    /** 0 when the file itself could not be read. */
    public long line() {
      return line;
    }
  }

  /** The header line alone. */
  public BackupFormat.Header header() {
    try (BufferedReader in = open()) {
      return header(in.readLine());
    } catch (IOException e) {
      throw new BadBackupException(0, "cannot read " + file + ": " + e.getMessage());
    }
  }

  /**
   * Reads the whole file, handing every record to {@code sink} in file order; returns the trailer.
   *
   * @throws BadBackupException at the first line that breaks the format
   */
  public BackupFormat.Trailer read(RecordSink sink) {
    long number = 1;
    try (BufferedReader in = open()) {
      BackupFormat.Header header = header(in.readLine());
      Map<Integer, Long> lastOffset = new HashMap<>();
      Map<Integer, Long> counted = new TreeMap<>();
      long records = 0;
      String text;
      while ((text = in.readLine()) != null) {
        number++;
        BackupFormat.Line line = parse(number, text);
        switch (line) {
          case BackupFormat.TrailerLine(BackupFormat.Trailer trailer) -> {
            if (in.readLine() != null) {
              throw new BadBackupException(number + 1, "a line after the trailer");
            }
            if (trailer.records() != records || !trailer.recordsByPartition().equals(counted)) {
              throw new BadBackupException(
                  number,
                  "the trailer counts "
                      + trailer.records()
                      + " records "
                      + trailer.recordsByPartition()
                      + ", the file holds "
                      + records
                      + " "
                      + counted);
            }
            return trailer;
          }
          case BackupFormat.RecordLine(StoredRecord record) -> {
            check(number, header, record, lastOffset);
            lastOffset.put(record.partition(), record.offset());
            counted.merge(record.partition(), 1L, Long::sum);
            records++;
            sink.accept(number, record);
          }
        }
      }
      throw new BadBackupException(
          number,
          "the file ends after "
              + records
              + " records without its trailer line: an incomplete backup (was it copied whole?)");
    } catch (IOException e) {
      throw new BadBackupException(number, "cannot read " + file + ": " + e.getMessage());
    }
  }

  private static BackupFormat.Header header(@Nullable String text) {
    if (text == null) {
      throw new BadBackupException(1, "empty file");
    }
    try {
      return BackupFormat.parseHeader(text);
    } catch (BackupFormat.BadLineException e) {
      throw new BadBackupException(1, e.getMessage());
    }
  }

  private static BackupFormat.Line parse(long number, String text) {
    try {
      return BackupFormat.parseLine(text);
    } catch (BackupFormat.BadLineException e) {
      throw new BadBackupException(number, e.getMessage());
    }
  }

  private static void check(
      long number, BackupFormat.Header header, StoredRecord record, Map<Integer, Long> last) {
    if (record.partition() < 0 || record.partition() >= header.partitions()) {
      throw new BadBackupException(
          number,
          "partition "
              + record.partition()
              + " is outside the "
              + header.partitions()
              + " partitions of the header");
    }
    Long previous = last.get(record.partition());
    if (previous != null && record.offset() <= previous) {
      throw new BadBackupException(
          number,
          "offset "
              + record.offset()
              + " of partition "
              + record.partition()
              + " follows offset "
              + previous
              + ": records out of log order");
    }
  }

  private BufferedReader open() throws IOException {
    InputStream stream = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      stream = new GZIPInputStream(stream, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 20);
  }
}
