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
import java.util.function.Function;
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
  private final KafkaConsumer<byte[], byte[]> consumer;

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
      // Keys as bytes: a backup keeps them as stored; LogRecord decodes them as UTF-8.
      consumer =
          new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
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
    return read(partitions, LogReader::toLogRecord, sink, progress);
  }

  /**
   * Like {@link #read(Set, Consumer, Progress)}, handing on the records exactly as stored (key and
   * value bytes, timestamp, every header in order): what a backup keeps.
   */
  public ReadStats readStored(
      @Nullable Set<Integer> partitions, Consumer<List<StoredRecord>> sink, Progress progress) {
    return read(partitions, LogReader::toStoredRecord, sink, progress);
  }

  private <T> ReadStats read(
      @Nullable Set<Integer> partitions,
      Function<ConsumerRecord<byte[], byte[]>, T> convert,
      Consumer<List<T>> sink,
      Progress progress) {
    long started = System.nanoTime();
    List<TopicPartition> assigned = new ArrayList<>();
    for (int partition : partitions()) {
      if (partitions == null || partitions.contains(partition)) {
        assigned.add(new TopicPartition(source.topic(), partition));
      }
    }
    consumer.assign(assigned);
    Batches<T> batches;
    try {
      TopicRead<byte[], byte[]> read = TopicRead.toEndOffsets(consumer, assigned, source.timeout());
      batches = new Batches<>(read, convert, sink, progress);
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
  private static final class Batches<T>
      implements Consumer<ConsumerRecords<byte[], byte[]>>, ReadProgress {

    private final TopicRead<byte[], byte[]> log;
    private final Function<ConsumerRecord<byte[], byte[]>, T> convert;
    private final Consumer<List<T>> sink;
    private final Progress progress;
    private long records;

    Batches(
        TopicRead<byte[], byte[]> log,
        Function<ConsumerRecord<byte[], byte[]>, T> convert,
        Consumer<List<T>> sink,
        Progress progress) {
      this.log = log;
      this.convert = convert;
      this.sink = sink;
      this.progress = progress;
    }

    @Override
    public void accept(ConsumerRecords<byte[], byte[]> polled) {
      List<T> batch = new ArrayList<>(polled.count());
      for (ConsumerRecord<byte[], byte[]> record : polled) {
        if (log.isBeforeEnd(record)) {
          batch.add(convert.apply(record));
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

  private static LogRecord toLogRecord(ConsumerRecord<byte[], byte[]> record) {
    Header type = record.headers().lastHeader("ce_type");
    return new LogRecord(
        record.partition(),
        record.offset(),
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        record.value(),
        type == null || type.value() == null
            ? null
            : new String(type.value(), StandardCharsets.UTF_8));
  }

  private static StoredRecord toStoredRecord(ConsumerRecord<byte[], byte[]> record) {
    List<StoredRecord.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new StoredRecord.Header(header.key(), header.value()));
    }
    return new StoredRecord(
        record.partition(),
        record.offset(),
        record.timestamp(),
        record.key(),
        headers,
        record.value());
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
