package cl.zeues.occupation.topicreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Reads against a real (embedded KRaft) broker, with and without transactions. */
class TopicReadIT {

  private static final int PARTITIONS = 3;

  private static EmbeddedKafkaKraftBroker broker;
  private static Admin admin;

  @BeforeAll
  static void start() {
    broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
    broker.brokerProperties(
        Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
  }

  @AfterAll
  static void stop() {
    admin.close();
    broker.destroy();
  }

  @Test
  void readsEveryPartitionFromItsBeginningToTheEndsFixedAtTheStart() throws Exception {
    String topic = topic();
    publish(topic, "before", 30);
    try (KafkaConsumer<String, String> consumer = consumer(false)) {
      List<TopicPartition> partitions =
          TopicRead.partitionsOf(consumer, topic, Duration.ofSeconds(5));
      consumer.assign(partitions);
      TopicRead<String, String> read = TopicRead.toEndOffsets(consumer, partitions);
      publish(topic, "after", 30);

      List<ConsumerRecord<String, String>> polled = new ArrayList<>();
      read.readToEnd(
          records -> records.forEach(polled::add), ReadLimits.within(Duration.ofSeconds(20)));
      List<ConsumerRecord<String, String>> inside =
          polled.stream().filter(read::isBeforeEnd).toList();

      assertThat(partitions).hasSize(PARTITIONS);
      assertThat(inside).hasSize(30).allSatisfy(r -> assertThat(r.value()).startsWith("before"));
      assertThat(inside.stream().map(ConsumerRecord::value))
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(values("before", 30));
      for (TopicPartition partition : partitions) {
        assertThat(consumer.position(partition)).isGreaterThanOrEqualTo(read.end(partition));
        assertThat(
                inside.stream()
                    .filter(r -> r.partition() == partition.partition())
                    .map(ConsumerRecord::offset)
                    .toList())
            .isSorted()
            .allSatisfy(offset -> assertThat(offset).isLessThan(read.end(partition)));
      }
      assertThat(consumer.paused()).as("paused partitions are resumed").isEmpty();
    }
  }

  @Test
  void emptyPartitionsAreReadAtOnceWithoutAnyRecord() {
    String topic = topic();
    try (KafkaConsumer<String, String> consumer = consumer(false)) {
      List<TopicPartition> partitions =
          TopicRead.partitionsOf(consumer, topic, Duration.ofSeconds(5));
      consumer.assign(partitions);
      List<Object> seen = new ArrayList<>();

      TopicRead.toEndOffsets(consumer, partitions)
          .readToEnd(seen::add, ReadLimits.within(Duration.ofSeconds(5)));

      assertThat(seen).isEmpty();
    }
  }

  @Test
  void readCommittedSkipsAbortedTransactionsAndEndsBeforeAnOpenOne() throws Exception {
    String topic = topic();
    try (KafkaProducer<String, String> committed = transactional();
        KafkaProducer<String, String> open = transactional()) {
      committed.initTransactions();
      committed.beginTransaction();
      values("committed", 6).forEach(v -> committed.send(new ProducerRecord<>(topic, v, v)));
      committed.commitTransaction();
      committed.beginTransaction();
      values("aborted", 6).forEach(v -> committed.send(new ProducerRecord<>(topic, v, v)));
      committed.flush();
      committed.abortTransaction();
      open.initTransactions();
      open.beginTransaction();
      values("open", 6).forEach(v -> open.send(new ProducerRecord<>(topic, v, v)));
      open.flush();

      try (KafkaConsumer<String, String> consumer = consumer(true)) {
        List<TopicPartition> partitions =
            TopicRead.partitionsOf(consumer, topic, Duration.ofSeconds(5));
        consumer.assign(partitions);
        List<String> values = new ArrayList<>();

        TopicRead.toEndOffsets(consumer, partitions)
            .readToEnd(
                records -> records.forEach(r -> values.add(r.value())),
                ReadLimits.within(Duration.ofSeconds(20)));

        assertThat(values).containsExactlyInAnyOrderElementsOf(values("committed", 6));

        // Up to the high watermark instead, the open transaction holds the read back.
        TopicRead<String, String> toHighWatermark =
            TopicRead.to(consumer, highWatermarks(partitions));
        assertThatThrownBy(
                () ->
                    toHighWatermark.readToEnd(
                        records -> {}, ReadLimits.within(Duration.ofMillis(1500))))
            .isInstanceOf(EndNotReachedException.class)
            .satisfies(
                e ->
                    assertThat(((EndNotReachedException) e).unfinished())
                        .isNotEmpty()
                        .allSatisfy(
                            (partition, end) ->
                                assertThat(end).isEqualTo(toHighWatermark.end(partition))));
      } finally {
        open.abortTransaction();
      }
    }
  }

  @Test
  void progressCountsOffsetsUpToTheTotal() throws Exception {
    String topic = topic();
    publish(topic, "p", 40);
    try (KafkaConsumer<String, String> consumer = consumer(false)) {
      List<TopicPartition> partitions =
          TopicRead.partitionsOf(consumer, topic, Duration.ofSeconds(5));
      consumer.assign(partitions);
      List<Long> positions = new ArrayList<>();
      long[] finished = {-1};

      TopicRead.toEndOffsets(consumer, partitions)
          .readToEnd(
              records -> {},
              ReadLimits.stallingAfter(Duration.ofSeconds(10)),
              new ReadProgress() {
                @Override
                public void update(long position, long total) {
                  assertThat(total).isEqualTo(40);
                  positions.add(position);
                }

                @Override
                public void finished(long total) {
                  finished[0] = total;
                }
              });

      assertThat(positions).isSorted().last().isEqualTo(40L);
      assertThat(finished[0]).isEqualTo(40);
    }
  }

  @Test
  void aReadMayStartSomePartitionsFurtherOn() throws Exception {
    String topic = topic();
    publish(topic, "s", 30);
    try (KafkaConsumer<String, String> consumer = consumer(false)) {
      List<TopicPartition> partitions =
          TopicRead.partitionsOf(consumer, topic, Duration.ofSeconds(5));
      consumer.assign(partitions);
      TopicRead<String, String> read = TopicRead.toEndOffsets(consumer, partitions);
      TopicPartition first = partitions.get(0);
      long skipped = Math.min(2, read.end(first));
      List<ConsumerRecord<String, String>> seen = new ArrayList<>();

      read.startingAt(Map.of(first, skipped))
          .readToEnd(
              records -> records.forEach(seen::add), ReadLimits.within(Duration.ofSeconds(20)));

      assertThat(seen).hasSize(30 - (int) skipped);
      assertThat(seen)
          .filteredOn(r -> r.partition() == first.partition())
          .allSatisfy(r -> assertThat(r.offset()).isGreaterThanOrEqualTo(skipped));
    }
  }

  @Test
  void aTopicThatDoesNotExistHasNoPartitions() {
    try (KafkaConsumer<String, String> consumer = consumer(false)) {
      assertThat(
              TopicRead.partitionsOf(
                  consumer, "no-such-" + UUID.randomUUID(), Duration.ofSeconds(5)))
          .isEmpty();
    }
  }

  private static String topic() {
    String name = "read-it-" + UUID.randomUUID();
    broker.addTopics(new NewTopic(name, PARTITIONS, (short) 1));
    return name;
  }

  private static List<String> values(String prefix, int count) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(prefix + "-" + i);
    }
    return values;
  }

  private static void publish(String topic, String prefix, int count) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            new StringSerializer(),
            new StringSerializer())) {
      for (String value : values(prefix, count)) {
        producer.send(new ProducerRecord<>(topic, value, value));
      }
      producer.flush();
    }
  }

  private static KafkaProducer<String, String> transactional() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.getBrokersAsString(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "read-it-" + UUID.randomUUID()),
        new StringSerializer(),
        new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(boolean readCommitted) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        readCommitted ? "read_committed" : "read_uncommitted");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private static Map<TopicPartition, Long> highWatermarks(List<TopicPartition> partitions)
      throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(request)
        .all()
        .get()
        .forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }
}
