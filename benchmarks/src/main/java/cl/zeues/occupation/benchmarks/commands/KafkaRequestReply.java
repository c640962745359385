package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.events.TimingHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * A client that publishes requests and waits for their replies, the way the command-api does it
 * minus HTTP: an idempotent acks=all producer with no linger (the API's settings), and one
 * read_committed consumer over every partition of the reply topic, from its end, that completes
 * each request's future by the reply's key (its correlation id).
 */
final class KafkaRequestReply implements AutoCloseable {

  /** The header a request carries its correlation id in, for a replier that cannot parse it. */
  static final String CORRELATION_HEADER = "bench_correlation";

  private final String requestTopic;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Function<byte[], String> outcomeOfReply;
  private final Map<String, Awaited> awaiting = new ConcurrentHashMap<>();
  private final Thread reader;
  private volatile boolean running = true;
  private volatile @Nullable Breakdown breakdown;

  /** A request's answer-to-be, and when it was sent (epoch microseconds). */
  private record Awaited(CompletableFuture<String> reply, long sentAt) {}

  /**
   * @param outcomeOfReply turns a reply's value into an {@link Outcome} code (on the reader thread)
   */
  KafkaRequestReply(
      String brokers,
      String requestTopic,
      String replyTopic,
      String clientId,
      Function<byte[], String> outcomeOfReply) {
    this.requestTopic = requestTopic;
    this.outcomeOfReply = outcomeOfReply;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.CLIENT_ID_CONFIG,
                clientId + "-requests"),
            new StringSerializer(),
            new ByteArraySerializer());
    this.consumer = replyConsumer(brokers, replyTopic, clientId + "-replies");
    this.reader = Thread.ofPlatform().name(clientId + "-replies").daemon().start(this::read);
  }

  /**
   * Publishes {@code value} keyed by {@code key}; the future completes with the reply's outcome
   * code, or {@link Outcome#ERROR} when the publish fails. It never times out by itself: the caller
   * bounds its wait and then {@linkplain #abandon abandons} the request.
   *
   * @param inHeader also send {@code correlation} in {@link #CORRELATION_HEADER}
   */
  CompletableFuture<String> send(String key, String correlation, byte[] value, boolean inHeader) {
    CompletableFuture<String> reply = new CompletableFuture<>();
    Awaited awaited = new Awaited(reply, TimingHeaders.now());
    awaiting.put(correlation, awaited);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(requestTopic, key, value);
    if (inHeader) {
      record.headers().add(CORRELATION_HEADER, correlation.getBytes(StandardCharsets.UTF_8));
    }
    try {
      producer.send(
          record,
          (metadata, failure) -> {
            if (failure != null && awaiting.remove(correlation, awaited)) {
              reply.complete(Outcome.ERROR);
            }
          });
    } catch (RuntimeException e) {
      awaiting.remove(correlation, awaited);
      reply.complete(Outcome.ERROR);
    }
    return reply;
  }

  /**
   * A read_committed consumer over every partition of {@code topic}, at its end: no reply to a
   * request sent after this returns is skipped.
   */
  static KafkaConsumer<String, byte[]> replyConsumer(
      String brokers, String topic, String clientId) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.CLIENT_ID_CONFIG,
                clientId),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
    return consumer;
  }

  /** Where the timings of the answers read from now on go (null: nowhere). */
  void breakdownInto(@Nullable Breakdown breakdown) {
    this.breakdown = breakdown;
  }

  void abandon(String correlation) {
    awaiting.remove(correlation);
  }

  private void read() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          Awaited awaited = record.key() == null ? null : awaiting.remove(record.key());
          if (awaited != null) {
            Breakdown timings = breakdown;
            if (timings != null) {
              long now = TimingHeaders.now();
              timings.record(awaited.sentAt(), record.headers(), now, now);
            }
            awaited
                .reply()
                .complete(
                    record.value() == null ? Outcome.ERROR : outcomeOfReply.apply(record.value()));
          }
        }
      }
    } catch (WakeupException e) {
      // close() woke the reader up.
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
    awaiting.values().forEach(awaited -> awaited.reply().complete(Outcome.TIMEOUT));
  }
}
