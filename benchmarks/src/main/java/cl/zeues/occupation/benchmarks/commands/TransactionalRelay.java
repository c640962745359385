package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * The floor under the command path: a transactional request/reply relay with no HTTP, no Redis and
 * no domain logic. Each of its threads consumes requests read_committed in a batch loop and, per
 * poll, in ONE transaction produces a reply per request (keyed by the request's correlation header,
 * a fixed reply-sized value) and commits the consumed offsets with {@code
 * sendOffsetsToTransaction}: the shape of the processor's listener, minus Redis and the decider.
 *
 * <p>Its producer is tuned ({@link #PRODUCER_TUNING}) so that it is a floor at a rate too, not only
 * flat out; {@code tuning} overrides may put any client setting back, to measure what it costs
 * beside it.
 */
final class TransactionalRelay implements AutoCloseable {

  /** The baseline's relay: topics {@code bench.baseline.requests} and {@code ...replies}. */
  static final String BASELINE = "bench.baseline";

  /** A second relay measured beside the baseline with other client settings. */
  static final String COMPARED = "bench.compared";

  /**
   * What the relay sets on its transactional producer, and why (measured in the same run against
   * the Kafka 4.1 client defaults, see the benchmarks README):
   *
   * <ul>
   *   <li>{@code retry.backoff.ms} 5 (default 100): a transaction begun right after the previous
   *       one committed sends its offsets ({@code TxnOffsetCommit}) while the group coordinator
   *       still holds the previous transaction's offsets pending its commit marker; the broker
   *       answers {@code CONCURRENT_TRANSACTIONS} and the client retries after {@code
   *       retry.backoff.ms}. At a rate nearly every transaction is back to back, so about a tenth
   *       of them stalled 100 ms in {@code sendOffsetsToTransaction}, the partitions behind the
   *       stalled thread queued, and the relay answered 500/s with p50 0.8-2 s.
   *   <li>{@code linger.ms} 0 (default 5 since Kafka 4.0): with a linger the replies wait in the
   *       accumulator until {@code commitTransaction} flushes them, after the offsets round trip
   *       instead of beside it (the command-api's producer sets 0 too).
   * </ul>
   */
  static final Map<String, Object> PRODUCER_TUNING =
      Map.of(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5, ProducerConfig.LINGER_MS_CONFIG, 0);

  private final List<Worker> workers = new ArrayList<>();
  private final byte[] replyValue;
  private final Topics.Spec requests;
  private final Topics.Spec replies;

  /** The request topic of the relay called {@code name}: as many partitions as the commands'. */
  static Topics.Spec requests(String name) {
    return new Topics.Spec(name + ".requests", Topics.COMMANDS.partitions(), Map.of());
  }

  /** Its reply topic: as many partitions as the replies'. */
  static Topics.Spec replies(String name) {
    return new Topics.Spec(name + ".replies", Topics.REPLIES.partitions(), Map.of());
  }

  /**
   * Starts {@code threads} relay threads (the processor's listener concurrency, for the same shape)
   * and waits until they own every request partition.
   *
   * @param name the relay's topics are {@code name.requests} and {@code name.replies}, its consumer
   *     group {@code name}
   * @param replyBytes the size of each reply, about a real reply's
   * @param tuning client settings over the relay's own: a producer setting goes to the producer, a
   *     consumer setting to the consumer
   */
  TransactionalRelay(
      String brokers, String name, int threads, int replyBytes, Map<String, String> tuning) {
    this.replyValue = new byte[replyBytes];
    this.requests = requests(name);
    this.replies = replies(name);
    Arrays.fill(replyValue, (byte) 'r');
    String instance = UUID.randomUUID().toString();
    for (int i = 0; i < threads; i++) {
      Worker worker = new Worker(brokers, name, name + "-" + instance + "-" + i, tuning);
      workers.add(worker);
      worker.thread = Thread.ofPlatform().name(name + "-relay-" + i).daemon().start(worker::run);
    }
    awaitAssigned(Duration.ofSeconds(60));
  }

  private void awaitAssigned(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (workers.stream().mapToInt(w -> w.assigned).sum() < requests.partitions()) {
      for (Worker worker : workers) {
        Throwable failure = worker.failure.get();
        if (failure != null) {
          throw new IllegalStateException("the relay failed: " + failure, failure);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the relay did not own the "
                + requests.partitions()
                + " partitions of "
                + requests.name()
                + " in time");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /** The first failure of a relay thread, if any (a relay that failed stops relaying). */
  @Nullable Throwable failure() {
    return workers.stream()
        .map(w -> w.failure.get())
        .filter(f -> f != null)
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() {
    workers.forEach(w -> w.running = false);
    workers.forEach(w -> w.consumer.wakeup());
    for (Worker worker : workers) {
      try {
        if (worker.thread != null) {
          worker.thread.join(10_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One consumer and one transactional producer, like one listener thread of the processor. */
  private final class Worker {
    final KafkaConsumer<String, byte[]> consumer;
    final KafkaProducer<String, byte[]> producer;
    final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    volatile boolean running = true;
    volatile int assigned;
    @Nullable Thread thread;

    Worker(String brokers, String group, String transactionalId, Map<String, String> tuning) {
      Map<String, Object> consumerConfig = new HashMap<>();
      consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
      consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
      consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
      consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
      Map<String, Object> producerConfig = new HashMap<>(PRODUCER_TUNING);
      producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
      producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
      producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
      tuning.forEach(
          (key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
              producerConfig.put(key, value);
            }
            if (ConsumerConfig.configNames().contains(key)) {
              consumerConfig.put(key, value);
            }
          });
      consumer =
          new KafkaConsumer<>(
              consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
      producer =
          new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    }

    void run() {
      try {
        producer.initTransactions();
        consumer.subscribe(List.of(requests.name()));
        while (running) {
          ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
          assigned = consumer.assignment().size();
          if (records.isEmpty()) {
            continue;
          }
          relay(records);
        }
      } catch (WakeupException e) {
        // close() woke the consumer up.
      } catch (RuntimeException e) {
        failure.set(e);
      } finally {
        consumer.close();
        producer.close(Duration.ofSeconds(5));
      }
    }

    private void relay(ConsumerRecords<String, byte[]> records) {
      producer.beginTransaction();
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      for (ConsumerRecord<String, byte[]> record : records) {
        Header correlation = record.headers().lastHeader(KafkaRequestReply.CORRELATION_HEADER);
        if (correlation != null) {
          producer.send(
              new ProducerRecord<>(
                  replies.name(),
                  new String(correlation.value(), StandardCharsets.UTF_8),
                  replyValue));
        }
        offsets.put(
            new TopicPartition(record.topic(), record.partition()),
            new OffsetAndMetadata(record.offset() + 1));
      }
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      producer.commitTransaction();
    }
  }
}
