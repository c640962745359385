package cl.zeues.occupation.processor.occupation.kafka;

import cl.zeues.occupation.events.JsonCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Plain kafka-clients producer and read_committed readers for black-box checks of a topic. */
final class KafkaTestClient implements AutoCloseable {

  final JsonCodec codec = new JsonCodec();
  private final String brokers;
  private final KafkaProducer<String, byte[]> producer;

  KafkaTestClient(String brokers) {
    this.brokers = brokers;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  void send(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void sendJson(String topic, String key, Object value) {
    send(topic, key, codec.write(value));
  }

  /** Reads {@code topic} from the beginning until {@code done} holds for the matching records. */
  List<ConsumerRecord<String, byte[]>> awaitRecords(
      String topic,
      Predicate<ConsumerRecord<String, byte[]>> filter,
      Predicate<List<ConsumerRecord<String, byte[]>>> done) {
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      // assign, not subscribe: no group to join, so reading starts at once
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          if (filter.test(r)) {
                            seen.add(r);
                          }
                        });
                return done.test(seen);
              });
    }
    return seen;
  }

  @Override
  public void close() {
    producer.close();
  }
}
