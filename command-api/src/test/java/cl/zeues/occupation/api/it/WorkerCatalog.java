package cl.zeues.occupation.api.it;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts workers into {@code workers.catalog}, as the sheets' catalog import does. */
final class WorkerCatalog {

  static final WorkerCatalogEntry JUAN_PEREZ =
      new WorkerCatalogEntry(94, "Juan", "Perez", true, List.of("Armador"));

  private WorkerCatalog() {}

  static void publish(String brokers, WorkerCatalogEntry... workers) {
    JsonCodec codec = new JsonCodec();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (WorkerCatalogEntry worker : workers) {
        producer.send(
            new ProducerRecord<>(Topics.WORKER_CATALOG.name(), worker.key(), codec.write(worker)));
      }
    }
  }
}
