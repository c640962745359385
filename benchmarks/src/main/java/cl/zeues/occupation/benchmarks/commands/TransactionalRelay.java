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
 */
final class TransactionalRelay implements AutoCloseable {

  static final Topics.Spec REQUESTS =
      new Topics.Spec("bench.baseline.requests", Topics.COMMANDS.partitions(), Map.of());
  static final Topics.Spec REPLIES =
      new Topics.Spec("bench.baseline.replies", Topics.REPLIES.partitions(), Map.of());

  private static final String GROUP = "bench-baseline-relay";

  private final List<Worker> workers = new ArrayList<>();
  private final byte[] replyValue;

  /**
   * Starts {@code threads} relay threads (the processor's listener concurrency, for the same shape)
   * and waits until they own every request partition.
   *
   * @param replyBytes the size of each reply, about a real reply's
   */
  TransactionalRelay(String brokers, int threads, int replyBytes) {
    this.replyValue = new byte[replyBytes];
    Arrays.fill(replyValue, (byte) 'r');
    String instance = UUID.randomUUID().toString();
    for (int i = 0; i < threads; i++) {
      Worker worker = new Worker(brokers, "bench-relay-" + instance + "-" + i);
      workers.add(worker);
      worker.thread = Thread.ofPlatform().name("baseline-relay-" + i).daemon().start(worker::run);
    }
    awaitAssigned(Duration.ofSeconds(60));
  }

  private void awaitAssigned(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (workers.stream().mapToInt(w -> w.assigned).sum() < REQUESTS.partitions()) {
      for (Worker worker : workers) {
        Throwable failure = worker.failure.get();
        if (failure != null) {
          throw new IllegalStateException("the baseline relay failed: " + failure, failure);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the baseline relay did not own the " + REQUESTS.partitions() + " partitions in time");
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

    Worker(String brokers, String transactionalId) {
      consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  brokers,
                  ConsumerConfig.GROUP_ID_CONFIG,
                  GROUP,
                  ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                  "read_committed",
                  ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                  false,
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "latest",
                  ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                  500),
              new StringDeserializer(),
              new ByteArrayDeserializer());
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  brokers,
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                  true,
                  ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                  transactionalId),
              new StringSerializer(),
              new ByteArraySerializer());
    }

    void run() {
      try {
        producer.initTransactions();
        consumer.subscribe(List.of(REQUESTS.name()));
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
                  REPLIES.name(),
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
