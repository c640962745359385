package cl.zeues.occupation.audit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.audit.log.StoredRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFileTest {

  private static final BackupFormat.Header HEADER =
      new BackupFormat.Header(
          "occupation.events", 3, "127.0.0.1:9092", Instant.parse("2026-03-02T13:15:00Z"));

  @TempDir Path dir;

  @Test
  void everyByteComesBackAsWritten() throws IOException {
    List<StoredRecord> written =
        List.of(
            record(0, 0, "MK-1", "{\"type\":\"SpoolTomado\",\"n\":1.50}", "ce_type", "v1"),
            // A key that is not UTF-8, a value that is UTF-8 but not JSON, headers repeated.
            new StoredRecord(
                0,
                3,
                1_767_000_000_000L,
                new byte[] {(byte) 0xff, 0x41},
                List.of(header("a", "1"), header("a", "2"), new StoredRecord.Header("b", null)),
                "not json".getBytes(StandardCharsets.UTF_8)),
            // Null key and value (a tombstone), empty headers; an empty value next.
            new StoredRecord(2, 7, -1, null, List.of(), null),
            new StoredRecord(2, 8, 5, "".getBytes(StandardCharsets.UTF_8), List.of(), new byte[0]),
            // Two JSON values, a BOM, line breaks inside the JSON: all must come back exactly.
            record(1, 0, "MK-2", "{} {}", "x", ""),
            record(1, 1, "MK-2", "\uFEFF{\n\"a\":\r\n\"é\\u00e9\"}", "ce_type", "v"));
    Path file = dir.resolve("events.jsonl.gz");
    write(file, written);

    List<StoredRecord> read = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    BackupReader reader = new BackupReader(file);
    BackupFormat.Trailer trailer =
        reader.read(
            (line, record) -> {
              lines.add(line);
              read.add(record);
            });

    assertThat(reader.header()).isEqualTo(HEADER);
    assertThat(trailer.records()).isEqualTo(6);
    assertThat(trailer.recordsByPartition()).containsEntry(0, 2L).containsEntry(1, 2L);
    assertThat(lines).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(read).hasSize(written.size());
    for (int i = 0; i < written.size(); i++) {
      assertThat(same(read.get(i), written.get(i))).as("record %d", i).isTrue();
    }
    assertThat(Files.exists(dir.resolve("events.jsonl.gz.partial"))).isFalse();
  }

  @Test
  void valuesThatAreJsonStayReadableTextAndOthersBase64() throws IOException {
    Path file = dir.resolve("events.jsonl");
    write(
        file,
        List.of(
            record(0, 0, "MK-1", "{\"tag_spool\":\"MK-1\"}", "ce_type", "v1"),
            record(0, 1, "MK-1", "{broken", "ce_type", "v1")));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1))
        .contains("\"key\":\"MK-1\"")
        .contains("\"value\":\"{\\\"tag_spool\\\":\\\"MK-1\\\"}\"")
        .contains("{\"name\":\"ce_type\",\"value\":\"djE=\"}");
    assertThat(lines.get(2)).endsWith("],\"value_base64\":\"e2Jyb2tlbg==\"}");
  }

  @Test
  void aMalformedLineIsNamedByItsNumber() throws IOException {
    Path file = dir.resolve("events.jsonl");
    write(file, List.of(record(0, 0, "A", "{}", "h", "v"), record(0, 1, "A", "{}", "h", "v")));
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(2, lines.get(2).substring(0, 20));
    Files.write(file, lines);

    assertThatThrownBy(() -> new BackupReader(file).read((line, record) -> {}))
        .isInstanceOfSatisfying(
            BackupReader.BadBackupException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageStartingWith("not JSON");
  }

  @Test
  void aFileWithoutItsTrailerIsRefusedAsIncomplete() throws IOException {
    Path file = dir.resolve("events.jsonl");
    write(file, List.of(record(0, 0, "A", "{}", "h", "v"), record(1, 0, "B", "{}", "h", "v")));
    List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.subList(0, 3));

    assertThatThrownBy(() -> new BackupReader(file).read((line, record) -> {}))
        .isInstanceOf(BackupReader.BadBackupException.class)
        .hasMessageContaining("without its trailer line");
  }

  @Test
  void recordsOutOfLogOrderOrOutsideThePartitionsAreRefused() throws IOException {
    Path file = dir.resolve("events.jsonl");
    write(file, List.of(record(0, 5, "A", "{}", "h", "v"), record(0, 4, "A", "{}", "h", "v")));
    assertThatThrownBy(() -> new BackupReader(file).read((line, record) -> {}))
        .isInstanceOfSatisfying(
            BackupReader.BadBackupException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("out of log order");

    write(file, List.of(record(3, 0, "A", "{}", "h", "v")));
    assertThatThrownBy(() -> new BackupReader(file).read((line, record) -> {}))
        .hasMessageContaining("outside the 3 partitions");
  }

  @Test
  void aTrailerThatDisagreesWithTheLinesIsRefused() throws IOException {
    Path file = dir.resolve("events.jsonl");
    write(file, List.of(record(0, 0, "A", "{}", "h", "v"), record(0, 1, "A", "{}", "h", "v")));
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.remove(2);
    Files.write(file, lines);

    assertThatThrownBy(() -> new BackupReader(file).read((line, record) -> {}))
        .isInstanceOfSatisfying(
            BackupReader.BadBackupException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("the trailer counts 2 records");
  }

  @Test
  void aFileThatIsNotABackupIsRefusedAtItsFirstLine() throws IOException {
    Path file = dir.resolve("trail.jsonl");
    Files.writeString(file, "{\"type\":\"SpoolTomado\"}\n");
    assertThatThrownBy(() -> new BackupReader(file).header())
        .isInstanceOfSatisfying(
            BackupReader.BadBackupException.class, e -> assertThat(e.line()).isEqualTo(1))
        .hasMessageContaining("not a backup file");
  }

  private static void write(Path file, List<StoredRecord> records) throws IOException {
    try (BackupWriter writer = new BackupWriter(file, HEADER)) {
      writer.accept(records);
      writer.finish();
    }
  }

  private static StoredRecord record(
      int partition, long offset, String key, String value, String header, String headerValue) {
    return new StoredRecord(
        partition,
        offset,
        1_767_000_000_000L + offset,
        key.getBytes(StandardCharsets.UTF_8),
        List.of(header(header, headerValue)),
        value.getBytes(StandardCharsets.UTF_8));
  }

  private static StoredRecord.Header header(String name, String value) {
    return new StoredRecord.Header(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean same(StoredRecord a, StoredRecord b) {
    if (a.partition() != b.partition()
        || a.offset() != b.offset()
        || a.timestamp() != b.timestamp()
        || !same(a.key(), b.key())
        || !same(a.value(), b.value())
        || a.headers().size() != b.headers().size()) {
      return false;
    }
    for (int i = 0; i < a.headers().size(); i++) {
      StoredRecord.Header x = a.headers().get(i);
      StoredRecord.Header y = b.headers().get(i);
      if (!x.name().equals(y.name()) || !same(x.value(), y.value())) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(byte @Nullable [] a, byte @Nullable [] b) {
    return a == null ? b == null : b != null && Arrays.equals(a, b);
  }
}
