package cl.zeues.occupation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.log.KafkaSource;
import cl.zeues.occupation.audit.log.LogReader;
import cl.zeues.occupation.audit.log.ParallelDecoder;
import cl.zeues.occupation.audit.log.Progress;
import cl.zeues.occupation.audit.replay.LogFold;
import cl.zeues.occupation.audit.testing.BusyShop;
import cl.zeues.occupation.audit.testing.TestBroker;
import cl.zeues.occupation.audit.testing.ToolRun;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.topicreader.ReadLimits;
import cl.zeues.occupation.topicreader.TopicRead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The backup story end to end, through the tool's entry point: 100,000 events of a busy shop in one
 * in-process broker, {@code backup} to a file, {@code restore} into a second, empty broker; then
 * the restored log verifies clean and holds, partition by partition, the same records (key,
 * headers, value, timestamp, order) and folds into the same spools. Prints the times and the size.
 */
class RestoreRoundTripIT {

  private static final String TOPIC = Topics.EVENTS.name();
  private static final long EVENTS = 100_000;
  private static final Path DIR = Path.of("target", "restore-round-trip");

  @Test
  void aBackupRestoredIntoAnEmptyClusterIsTheSameLog() throws Exception {
    Files.createDirectories(DIR);
    Path file = DIR.resolve("occupation.events.jsonl");
    try (TestBroker source = new TestBroker();
        TestBroker target = new TestBroker()) {
      source.createTopic(TOPIC, Topics.EVENTS.partitions());
      long written = publishBusyShop(source);

      ToolRun backup =
          ToolRun.of(
              "backup",
              "--bootstrap-servers",
              source.bootstrapServers(),
              "--output",
              file.toString(),
              "--json");
      assertThat(backup.exit()).as(backup.err()).isZero();
      JsonNode backedUp = backup.json();
      assertThat(backedUp.get("records").asLong()).isEqualTo(written);
      assertThat(backedUp.get("partitions").asInt()).isEqualTo(Topics.EVENTS.partitions());
      assertThat(backedUp.get("bytes").asLong()).isEqualTo(Files.size(file));

      ToolRun restore =
          ToolRun.of(
              "restore",
              "--bootstrap-servers",
              target.bootstrapServers(),
              "--input",
              file.toString(),
              "--json");
      assertThat(restore.exit()).as(restore.err()).isZero();
      JsonNode restored = restore.json();
      assertThat(restored.get("records").asLong()).isEqualTo(written);
      assertThat(restored.get("topic_created").asBoolean()).isTrue();
      System.out.printf(
          "RestoreRoundTripIT: %,d events; backup %,d ms, file %,d bytes (%.1f MB); restore %,d ms"
              + " in %d transactions%n",
          written,
          backedUp.get("elapsed_ms").asLong(),
          Files.size(file),
          Files.size(file) / 1e6,
          restored.get("elapsed_ms").asLong(),
          restored.get("transactions").asLong());

      long checking = System.nanoTime();
      ToolRun verify =
          ToolRun.of("verify", "--bootstrap-servers", target.bootstrapServers(), "--json");
      assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
      assertThat(verify.json().get("events_read").asLong()).isEqualTo(written);
      assertThat(verify.json().get("findings_total").asLong()).isZero();

      Map<Integer, List<String>> before = records(source.bootstrapServers());
      Map<Integer, List<String>> after = records(target.bootstrapServers());
      assertThat(after.keySet()).isEqualTo(before.keySet());
      before.forEach(
          (partition, expected) -> {
            List<String> actual = after.get(partition);
            assertThat(actual).as("partition %d size", partition).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
              assertThat(actual.get(i))
                  .as("partition %d record %d", partition, i)
                  .isEqualTo(expected.get(i));
            }
          });

      Map<String, SpoolState> folded = fold(source.bootstrapServers());
      assertThat(folded).hasSizeGreaterThan(2_500);
      assertThat(fold(target.bootstrapServers())).isEqualTo(folded);
      System.out.printf(
          "RestoreRoundTripIT: verify, record comparison and folds took %,d ms%n",
          (System.nanoTime() - checking) / 1_000_000);

      ToolRun again =
          ToolRun.of(
              "restore",
              "--bootstrap-servers",
              target.bootstrapServers(),
              "--input",
              file.toString());
      assertThat(again.exit()).isEqualTo(2);
      assertThat(again.err()).contains("already holds").contains("--allow-non-empty");
    }
  }

  /**
   * The busy shop's events as the processor writes them, with an aborted transaction in the middle
   * (not a fact: a read_committed backup leaves it out, and its markers shift the offsets).
   */
  private static long publishBusyShop(TestBroker broker) {
    long started = System.nanoTime();
    BusyShop shop = new BusyShop(2026, 2_500, Instant.parse("2026-01-05T11:00:00Z"));
    long written = 0;
    try (KafkaProducer<String, byte[]> producer = broker.plainProducer()) {
      written +=
          shop.run(
              EVENTS / 2, d -> d.forEach(e -> producer.send(broker.asProcessorWrites(TOPIC, e))));
      producer.flush();
      broker.publishAborted(
          TOPIC, "MK-ABORTED", "{\"not\":\"a fact\"}".getBytes(StandardCharsets.UTF_8));
      written +=
          shop.run(
              EVENTS - written,
              d -> d.forEach(e -> producer.send(broker.asProcessorWrites(TOPIC, e))));
      producer.flush();
    }
    System.out.printf(
        "RestoreRoundTripIT: wrote %,d events in %,d ms%n",
        written, (System.nanoTime() - started) / 1_000_000);
    return written;
  }

  /**
   * Every committed record per partition in log order, as key, timestamp and a digest of its
   * headers (names and values, in order) and value: read with a plain consumer, not the tool.
   */
  private static Map<Integer, List<String>> records(String bootstrap) throws Exception {
    Map<Integer, List<String>> byPartition = new TreeMap<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                10_000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          TopicRead.partitionsOf(consumer, TOPIC, Duration.ofSeconds(10));
      consumer.assign(partitions);
      TopicRead<byte[], byte[]> read = TopicRead.toEndOffsets(consumer, partitions);
      read.readToEnd(
          polled -> {
            for (ConsumerRecord<byte[], byte[]> record : polled) {
              if (!read.isBeforeEnd(record)) {
                continue;
              }
              for (Header header : record.headers()) {
                sha.update(header.key().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(header.value());
                sha.update((byte) 0);
              }
              sha.update((byte) 1);
              sha.update(record.value());
              byPartition
                  .computeIfAbsent(record.partition(), p -> new ArrayList<>())
                  .add(
                      new String(record.key(), StandardCharsets.UTF_8)
                          + "@"
                          + record.timestamp()
                          + "#"
                          + HexFormat.of().formatHex(sha.digest()));
            }
          },
          ReadLimits.within(Duration.ofSeconds(60)));
    }
    return byPartition;
  }

  /** Every spool's state, folded as replay and the projector fold. */
  private static Map<String, SpoolState> fold(String bootstrap) {
    LogFold fold = LogFold.everything();
    try (LogReader reader =
        new LogReader(new KafkaSource(bootstrap, TOPIC, Duration.ofSeconds(30)))) {
      reader.read(null, new ParallelDecoder(fold::accept), Progress.disabled());
    }
    assertThat(fold.consistent()).isTrue();
    return fold.states();
  }
}
