package cl.zeues.occupation.views.it;

import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded KRaft broker for every IT of this module (each IT uses spool tags of its own), with
 * the topics of {@link Topics} the view reads, and a producer that publishes as the processor and
 * the catalog import do: JSON from {@link JsonCodec}, keyed by tag, events with CloudEvents
 * headers.
 */
final class SharedBroker {

  private static SharedBroker instance;

  final EmbeddedKafkaKraftBroker broker;
  private final KafkaProducer<String, byte[]> producer;
  private final JsonCodec codec = new JsonCodec();

  private SharedBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
      admin
          .createTopics(
              List.of(Topics.EVENTS, Topics.SPOOL_CATALOG, Topics.WORKER_CATALOG).stream()
                  .map(
                      spec ->
                          new NewTopic(
                                  spec.name(), Optional.of(spec.partitions()), Optional.empty())
                              .configs(spec.configs()))
                  .toList())
          .all()
          .get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("could not create the topics", e);
    }
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new ByteArraySerializer());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  producer.close();
                  broker.destroy();
                }));
  }

  static synchronized SharedBroker get() {
    if (instance == null) {
      instance = new SharedBroker();
    }
    return instance;
  }

  String brokers() {
    return broker.getBrokersAsString();
  }

  /** Publishes {@code events} in order and waits until every one is acknowledged. */
  void publish(Collection<? extends OccupationEvent> events) {
    List<Future<RecordMetadata>> sent =
        events.stream()
            .map(
                event -> {
                  var record =
                      new ProducerRecord<>(
                          Topics.EVENTS.name(), event.tagSpool(), codec.write(event));
                  CloudEventHeaders.of(event).forEach((k, v) -> record.headers().add(k, v));
                  return producer.send(record);
                })
            .toList();
    awaitAll(sent);
  }

  /** A record on the events topic that is not an event (a bug elsewhere, or a newer producer). */
  void publishGarbage(String tag) {
    awaitAll(
        List.of(
            producer.send(
                new ProducerRecord<>(
                    Topics.EVENTS.name(), tag, "{\"type\":\"Nope\"}".getBytes()))));
  }

  void publishSpools(Collection<SpoolCatalogEntry> spools) {
    awaitAll(
        spools.stream()
            .map(
                s ->
                    producer.send(
                        new ProducerRecord<>(
                            Topics.SPOOL_CATALOG.name(), s.tagSpool(), codec.write(s))))
            .toList());
  }

  void publishWorkers(Collection<WorkerCatalogEntry> workers) {
    awaitAll(
        workers.stream()
            .map(
                w ->
                    producer.send(
                        new ProducerRecord<>(
                            Topics.WORKER_CATALOG.name(), w.key(), codec.write(w))))
            .toList());
  }

  private static void awaitAll(List<Future<RecordMetadata>> sent) {
    try {
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("publish failed", e);
    }
  }
}
