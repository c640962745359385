package cl.zeues.occupation.audit.testing;

import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real in-process KRaft broker set up as the system's (transaction state log on one node), and
 * the two ways records reach the events topic: as the processor writes them (one transaction per
 * decision, CloudEvents headers) and raw, for logs that break the rules on purpose.
 */
public final class TestBroker implements AutoCloseable {

  private final EmbeddedKafkaKraftBroker broker;
  private final JsonCodec json = new JsonCodec();

  public TestBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, Topics.EVENTS.partitions());
    broker.brokerProperties(
        Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
  }

  public String bootstrapServers() {
    return broker.getBrokersAsString();
  }

  public void createTopic(String name, int partitions) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topic " + name, e);
    }
  }

  /**
   * Publishes each decision's events in one transaction, keyed and headed as the processor does.
   */
  public void publishDecisions(String topic, Collection<List<OccupationEvent>> decisions) {
    try (KafkaProducer<String, byte[]> producer = transactionalProducer()) {
      producer.initTransactions();
      for (List<OccupationEvent> decision : decisions) {
        producer.beginTransaction();
        for (OccupationEvent event : decision) {
          producer.send(asProcessorWrites(topic, event));
        }
        producer.commitTransaction();
      }
    }
  }

  /**
   * Sends records in a transaction that is then aborted: a read_committed reader never sees them.
   */
  public void publishAborted(String topic, String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer = transactionalProducer()) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, key, value));
      producer.flush();
      producer.abortTransaction();
    }
  }

  public ProducerRecord<String, byte[]> asProcessorWrites(String topic, OccupationEvent event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, event.tagSpool(), json.write(event));
    CloudEventHeaders.of(event).forEach((name, value) -> record.headers().add(name, value));
    return record;
  }

  /** Sends one record as given, without a transaction, and waits for it. */
  public void publishRaw(
      String topic, @Nullable String key, byte @Nullable [] value, Map<String, byte[]> headers) {
    try (KafkaProducer<String, byte[]> producer = plainProducer()) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
      headers.forEach((name, bytes) -> record.headers().add(name, bytes));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish to " + topic, e);
    }
  }

  public KafkaProducer<String, byte[]> plainProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.BATCH_SIZE_CONFIG,
            256 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private KafkaProducer<String, byte[]> transactionalProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "audit-it-" + UUID.randomUUID(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  @Override
  public void close() {
    broker.destroy();
  }
}
