package cl.zeues.occupation.audit.backup;

import cl.zeues.occupation.audit.log.StoredRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a backup file line by line and checks it as it goes: the header first, record lines in a
 * partition the header counts with offsets rising per partition, and the trailer last with the
 * counts the lines add up to. Any other line ends the read with its line number; so does a file
 * that ends before its trailer (a truncated copy).
 */
public final class BackupReader {

  /** Lines parsed together; a chunk of records is a few MB. */
  private static final int CHUNK = 2_048;

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
    Check check = new Check(sink);
    long number = 1;
    try (BufferedReader in = open()) {
      check.header = header(in.readLine());
      List<String> chunk = new ArrayList<>(CHUNK);
      String text;
      while ((text = in.readLine()) != null) {
        chunk.add(text);
        if (chunk.size() == CHUNK) {
          check.lines(number + 1, chunk);
          number += chunk.size();
          chunk.clear();
        }
      }
      check.lines(number + 1, chunk);
      number += chunk.size();
    } catch (IOException e) {
      throw new BadBackupException(number, "cannot read " + file + ": " + e.getMessage());
    }
    if (check.trailer == null) {
      throw new BadBackupException(
          number,
          "the file ends after "
              + check.records
              + " records without its trailer line: an incomplete backup (was it copied whole?)");
    }
    return check.trailer;
  }

  /** The checks that follow the lines in order; lines are parsed a chunk at a time, in parallel. */
  private static final class Check {
    private final RecordSink sink;
    private final Map<Integer, Long> lastOffset = new HashMap<>();
    private final Map<Integer, Long> counted = new TreeMap<>();
    private BackupFormat.@Nullable Header header;
    private BackupFormat.@Nullable Trailer trailer;
    private long records;

    Check(RecordSink sink) {
      this.sink = sink;
    }

    void lines(long first, List<String> chunk) {
      BackupFormat.Line[] parsed = new BackupFormat.Line[chunk.size()];
      BadBackupException[] bad = new BadBackupException[chunk.size()];
      IntStream.range(0, parsed.length)
          .parallel()
          .forEach(
              i -> {
                try {
                  parsed[i] = BackupFormat.parseLine(chunk.get(i));
                } catch (BackupFormat.BadLineException e) {
                  bad[i] = new BadBackupException(first + i, e.getMessage());
                }
              });
      for (int i = 0; i < parsed.length; i++) {
        long number = first + i;
        if (trailer != null) {
          throw new BadBackupException(number, "a line after the trailer");
        }
        if (bad[i] != null) {
          throw bad[i];
        }
        switch (parsed[i]) {
          case BackupFormat.TrailerLine(BackupFormat.Trailer end) -> {
            if (end.records() != records || !end.recordsByPartition().equals(counted)) {
              throw new BadBackupException(
                  number,
                  "the trailer counts "
                      + end.records()
                      + " records "
                      + end.recordsByPartition()
                      + ", the file holds "
                      + records
                      + " "
                      + counted);
            }
            trailer = end;
          }
          case BackupFormat.RecordLine(StoredRecord record) -> {
            check(number, Objects.requireNonNull(header), record, lastOffset);
            lastOffset.put(record.partition(), record.offset());
            counted.merge(record.partition(), 1L, Long::sum);
            records++;
            sink.accept(number, record);
          }
        }
      }
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
