package cl.zeues.occupation.audit.log;

import cl.zeues.occupation.topicreader.EndNotReachedException;
import cl.zeues.occupation.topicreader.ReadLimits;
import cl.zeues.occupation.topicreader.ReadProgress;
import cl.zeues.occupation.topicreader.TopicRead;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;

/**
 * Reads the events topic the way an audit must: a plain consumer with no group (nothing is
 * committed, no other reader is disturbed), {@code read_committed} (aborted and open transactions
 * are not facts), every partition assigned and rewound to its beginning, and read up to the end
 * offsets captured at start, so the answer describes one well-defined prefix of the log even while
 * the system keeps writing. Fetch sizes are large: the whole log is read, not tailed.
 */
public final class LogReader implements AutoCloseable {

  private final KafkaSource source;
  private final KafkaConsumer<String, byte[]> consumer;

  public LogReader(KafkaSource source) {
    this.source = source;
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Asking for a topic's partitions must never create it (brokers auto-create by default).
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "zeues-audit-tool");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
    config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 * 1024 * 1024);
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, source.timeout().toMillis());
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    try {
      consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    } catch (KafkaException e) {
      throw new CannotRunException(
          "cannot use bootstrap servers '" + source.bootstrapServers() + "': " + rootMessage(e), e);
    }
  }

  /** The topic's partition numbers, in order. */
  public List<Integer> partitions() {
    List<PartitionInfo> infos;
    try {
      infos = consumer.partitionsFor(source.topic(), source.timeout());
    } catch (TimeoutException e) {
      throw unreachable();
    } catch (KafkaException e) {
      throw new CannotRunException(
          "cannot read topic "
              + source.topic()
              + " at "
              + source.bootstrapServers()
              + ": "
              + rootMessage(e),
          e);
    }
    if (infos == null || infos.isEmpty()) {
      throw new CannotRunException(
          "topic " + source.topic() + " does not exist at " + source.bootstrapServers());
    }
    return infos.stream().map(PartitionInfo::partition).sorted().toList();
  }

  /** The partition the default partitioner sends {@code key} to: where a spool's events are. */
  public int partitionOf(String key) {
    int count = partitions().size();
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % count;
  }

  /**
   * Reads {@code partitions} (all when null) from their beginning to the end offsets seen now,
   * handing the committed records to {@code sink} one fetched batch at a time, in fetch order (per
   * partition, offset order).
   */
  public ReadStats read(
      @Nullable Set<Integer> partitions, Consumer<List<LogRecord>> sink, Progress progress) {
    long started = System.nanoTime();
    List<TopicPartition> assigned = new ArrayList<>();
    for (int partition : partitions()) {
      if (partitions == null || partitions.contains(partition)) {
        assigned.add(new TopicPartition(source.topic(), partition));
      }
    }
    consumer.assign(assigned);
    Batches batches;
    try {
      TopicRead<String, byte[]> read = TopicRead.toEndOffsets(consumer, assigned, source.timeout());
      batches = new Batches(read, sink, progress);
      read.readToEnd(
          batches,
          ReadLimits.stallingAfter(source.timeout()).withApiTimeout(source.timeout()),
          batches);
    } catch (EndNotReachedException e) {
      throw new CannotRunException(
          "no records from "
              + source.bootstrapServers()
              + " for "
              + source.timeout().toSeconds()
              + "s while "
              + e.unfinished().size()
              + " partition(s) of "
              + source.topic()
              + " were not read to their end");
    } catch (TimeoutException e) {
      throw unreachable();
    } catch (KafkaException e) {
      throw new CannotRunException("reading " + source.topic() + " failed: " + rootMessage(e), e);
    }
    return new ReadStats(batches.records, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Turns each poll's records before the end into one batch for the sink, and counts them for the
   * progress line.
   */
  private static final class Batches
      implements Consumer<ConsumerRecords<String, byte[]>>, ReadProgress {

    private final TopicRead<String, byte[]> log;
    private final Consumer<List<LogRecord>> sink;
    private final Progress progress;
    private long records;

    Batches(TopicRead<String, byte[]> log, Consumer<List<LogRecord>> sink, Progress progress) {
      this.log = log;
      this.sink = sink;
      this.progress = progress;
    }

    @Override
    public void accept(ConsumerRecords<String, byte[]> polled) {
      List<LogRecord> batch = new ArrayList<>(polled.count());
      for (ConsumerRecord<String, byte[]> record : polled) {
        if (log.isBeforeEnd(record)) {
          batch.add(toLogRecord(record));
        }
      }
      if (!batch.isEmpty()) {
        sink.accept(batch);
        records += batch.size();
      }
    }

    @Override
    public void update(long position, long total) {
      progress.update(records, position, total);
    }

    @Override
    public void finished(long total) {
      progress.finish(records, total, total);
    }
  }

  private static LogRecord toLogRecord(ConsumerRecord<String, byte[]> record) {
    Header type = record.headers().lastHeader("ce_type");
    return new LogRecord(
        record.partition(),
        record.offset(),
        record.key(),
        record.value(),
        type == null || type.value() == null
            ? null
            : new String(type.value(), StandardCharsets.UTF_8));
  }

  private CannotRunException unreachable() {
    return new CannotRunException(
        "cannot reach Kafka at "
            + source.bootstrapServers()
            + " within "
            + source.timeout().toSeconds()
            + "s (is the broker running? see --bootstrap-servers)");
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.getClass().getName();
    return message.replaceAll("\\s+", " ").strip();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
