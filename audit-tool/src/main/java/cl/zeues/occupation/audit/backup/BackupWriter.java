package cl.zeues.occupation.audit.backup;

import cl.zeues.occupation.audit.log.StoredRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a backup file as records arrive, one fetched batch at a time: nothing but the counts is
 * kept, so memory does not grow with the log. A name ending in {@code .gz} is gzip-compressed. The
 * records go to {@code FILE.partial}, which {@link #finish} completes with the trailer and renames
 * to {@code FILE}: a file under the asked name is always a whole backup, and a run that fails
 * leaves none.
 */
public final class BackupWriter implements Consumer<List<StoredRecord>>, AutoCloseable {

  private static final int PARALLEL_FROM = 512;

  private final Path file;
  private final Path partial;
  private final BufferedWriter out;
  private boolean finished;
  private final Map<Integer, Long> byPartition = new TreeMap<>();
  private long records;

  public BackupWriter(Path file, BackupFormat.Header header) throws IOException {
    this.file = file;
    this.partial = file.resolveSibling(file.getFileName() + ".partial");
    OutputStream stream = Files.newOutputStream(partial);
    if (file.getFileName().toString().endsWith(".gz")) {
      stream = new GZIPOutputStream(stream, 1 << 16);
    }
    out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 20);
    line(BackupFormat.headerLine(header));
  }

  @Override
  public void accept(List<StoredRecord> batch) {
    // Formatting (UTF-8 and JSON checks, escaping, base64) is most of the work: on every core.
    String[] lines = new String[batch.size()];
    IntStream indexes = IntStream.range(0, lines.length);
    if (lines.length >= PARALLEL_FROM) {
      indexes = indexes.parallel();
    }
    indexes.forEach(i -> lines[i] = BackupFormat.recordLine(batch.get(i)));
    for (int i = 0; i < lines.length; i++) {
      line(lines[i]);
      byPartition.merge(batch.get(i).partition(), 1L, Long::sum);
      records++;
    }
  }

  /** Writes the trailer and puts the file in place under its name. */
  public BackupFormat.Trailer finish() throws IOException {
    BackupFormat.Trailer trailer = new BackupFormat.Trailer(records, byPartition);
    line(BackupFormat.trailerLine(trailer));
    out.close();
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    finished = true;
    return trailer;
  }

  private void line(String text) {
    try {
      out.write(text);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (!finished) {
      out.close();
      Files.deleteIfExists(partial);
    }
  }
}
