package cl.zeues.occupation.audit.backup;

import cl.zeues.occupation.audit.log.KafkaSource;
import cl.zeues.occupation.audit.log.Progress;
import cl.zeues.occupation.audit.log.StoredRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes restored records into the partition they came from, with their key, headers, value and
 * timestamp, through an idempotent transactional producer ({@code acks=all}): {@code batchSize}
 * records per transaction, so a failure leaves whole transactions committed and the open one
 * aborted (a {@code read_committed} reader never sees it). One transactional id per target topic,
 * so two restores into the same topic fence each other instead of interleaving.
 */
public final class Republisher implements AutoCloseable {

  private final String topic;
  private final int batchSize;
  private final Progress progress;
  private final long total;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Map<Integer, Long> committedByPartition = new TreeMap<>();
  private final Map<Integer, Long> pendingByPartition = new HashMap<>();
  private long committed;
  private long pending;
  private long transactions;
  private long lastCommittedLine;
  private long lastLine;

  /**
   * @param total the records the file holds, for the progress line
   */
  public Republisher(KafkaSource target, int batchSize, Progress progress, long total) {
    this.topic = target.topic();
    this.batchSize = batchSize;
    this.progress = progress;
    this.total = total;
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, target.timeout().toMillis());
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "zeues-audit-tool-restore");
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "zeues-audit-tool-restore." + topic);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
    producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    try {
      producer.initTransactions();
    } catch (KafkaException e) {
      producer.close(Duration.ZERO);
      throw new RestoreFailedException("cannot start a transaction: " + e.getMessage(), this, e);
    }
  }

  /** The restore stopped part-way; {@link #committed()} and the rest say how far it got. */
  public static final class RestoreFailedException extends RuntimeException {
    private final long committed;
    private final long transactions;
    private final long lastCommittedLine;
    private final Map<Integer, Long> committedByPartition;

    RestoreFailedException(String message, Republisher state, Throwable cause) {
      super(message, cause);
      this.committed = state.committed;
      this.transactions = state.transactions;
      this.lastCommittedLine = state.lastCommittedLine;
      this.committedByPartition = Map.copyOf(state.committedByPartition);
    }

    public long committed() {
      return committed;
    }

    public long transactions() {
      return transactions;
    }

    /** The file line of the last record committed; 0 when none was. */
    public long lastCommittedLine() {
      return lastCommittedLine;
    }

    public Map<Integer, Long> committedByPartition() {
      return committedByPartition;
    }
  }

  /** Sends one record in the open transaction; commits when it holds {@code batchSize}. */
  public void publish(long line, StoredRecord record) {
    try {
      if (pending == 0) {
        producer.beginTransaction();
      }
      ProducerRecord<byte[], byte[]> out =
          new ProducerRecord<>(
              topic,
              record.partition(),
              record.timestamp() == RecordBatch.NO_TIMESTAMP ? null : record.timestamp(),
              record.key(),
              record.value());
      record.headers().forEach(h -> out.headers().add(new RecordHeader(h.name(), h.value())));
      producer.send(out);
    } catch (KafkaException e) {
      throw abort(e);
    }
    pending++;
    pendingByPartition.merge(record.partition(), 1L, Long::sum);
    lastLine = line;
    if (pending >= batchSize) {
      commit();
    }
    progress.update(committed + pending, total);
  }

  /** Commits what is left and returns the records committed. */
  public long finish() {
    if (pending > 0) {
      commit();
    }
    progress.finish(committed, total);
    return committed;
  }

  private void commit() {
    try {
      producer.commitTransaction();
    } catch (KafkaException e) {
      throw abort(e);
    }
    committed += pending;
    pendingByPartition.forEach(
        (partition, n) -> committedByPartition.merge(partition, n, Long::sum));
    pendingByPartition.clear();
    pending = 0;
    transactions++;
    lastCommittedLine = lastLine;
  }

  private RestoreFailedException abort(KafkaException cause) {
    if (pending > 0 && !(cause instanceof ProducerFencedException)) {
      try {
        producer.abortTransaction();
      } catch (KafkaException ignored) {
        // The transaction times out on the broker and is aborted there; never visible either way.
      }
    }
    pending = 0;
    pendingByPartition.clear();
    return new RestoreFailedException(
        cause instanceof ProducerFencedException
            ? "another restore into " + topic + " took over (same transactional id)"
            : String.valueOf(cause.getMessage()),
        this,
        cause);
  }

  public long transactions() {
    return transactions;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
