package cl.zeues.occupation.projector.catalog;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.projector.catalog.kafka.KafkaPublishedCatalog;
import cl.zeues.occupation.projector.catalog.sheets.SheetsCatalogSheets;
import cl.zeues.occupation.projector.sheets.SheetsSettings;
import com.google.api.services.sheets.v4.Sheets;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The catalog import's wiring. Its Kafka clients are its own (not the application's {@code
 * KafkaTemplate}), built from {@code spring.kafka.*} so they reach the same brokers: the import
 * needs an idempotent, {@code acks=all}, non-transactional producer whatever the projection uses.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  /** The catalog topics, compacted, created if missing (replication: the broker's default). */
  @Bean
  KafkaAdmin.NewTopics catalogTopics() {
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(Topics.SPOOL_CATALOG.name())
            .partitions(Topics.SPOOL_CATALOG.partitions())
            .configs(Topics.SPOOL_CATALOG.configs())
            .build(),
        TopicBuilder.name(Topics.WORKER_CATALOG.name())
            .partitions(Topics.WORKER_CATALOG.partitions())
            .configs(Topics.WORKER_CATALOG.configs())
            .build());
  }

  @Bean
  SheetsCatalogSheets catalogSheets(Sheets sheets, SheetsSettings settings) {
    return new SheetsCatalogSheets(
        sheets,
        settings.spreadsheetId(),
        settings.operaciones(),
        settings.trabajadores(),
        settings.roles());
  }

  @Bean
  KafkaPublishedCatalog catalogTopicsClient(KafkaProperties kafka, CatalogSettings settings) {
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.kafkaTimeout().toMillis());
    Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
    producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);

    Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
    consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
    // The reader is closed right after reaching the end; a long fetch wait would hold close().
    consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);

    return new KafkaPublishedCatalog(
        new KafkaProducer<>(producer),
        () -> new KafkaConsumer<>(consumer),
        new JsonCodec(),
        settings.kafkaTimeout());
  }

  @Bean
  CatalogImporter catalogImporter(
      CatalogSheets catalogSheets,
      PublishedCatalog publishedCatalog,
      SheetsSettings sheets,
      CatalogSettings settings,
      MeterRegistry registry) {
    return new CatalogImporter(
        catalogSheets,
        publishedCatalog,
        new CatalogImporter.SheetNames(sheets.operaciones(), sheets.trabajadores(), sheets.roles()),
        settings.maxTombstoneFraction(),
        registry,
        Clock.systemUTC());
  }

  @Bean
  CatalogImportSchedule catalogImportSchedule(CatalogImporter importer, CatalogSettings settings) {
    return new CatalogImportSchedule(
        importer::importNow, settings.initialDelay(), settings.interval(), settings.scheduled());
  }

  /**
   * {@code catalogImport} in the health endpoint: UP after a successful run, DOWN after a partial
   * (a missing column, the wipe guard) or failed one until a run succeeds, UNKNOWN before the
   * first.
   */
  @Bean
  HealthIndicator catalogImportHealthIndicator(CatalogImporter importer) {
    return () -> {
      var last = importer.lastRun();
      if (last.isEmpty()) {
        return Health.unknown().withDetail("lastRun", "none yet").build();
      }
      ImportSummary summary = last.get();
      Health.Builder health =
          summary.outcome() == ImportSummary.Outcome.SUCCESS ? Health.up() : Health.down();
      health
          .withDetail("outcome", summary.outcome())
          .withDetail("lastRun", summary.finishedAt().toString())
          .withDetail("spools", summary.spools())
          .withDetail("workers", summary.workers());
      importer.lastSuccess().ifPresent(t -> health.withDetail("lastSuccess", t.toString()));
      if (!summary.problems().isEmpty()) {
        health.withDetail("problems", summary.problems());
      }
      return health.build();
    };
  }
}
