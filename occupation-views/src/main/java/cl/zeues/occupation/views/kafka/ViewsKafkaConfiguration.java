package cl.zeues.occupation.views.kafka;

import cl.zeues.occupation.catalog.CompactedTopicView;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.ViewSettings;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.model.SpoolChanges;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What feeds the view, from the standard {@code spring.kafka.*} connection settings: the event feed
 * and the two catalogs, each with read_committed consumers of its own (no group, nothing committed,
 * topics never auto-created: the processor and the catalog import own them).
 */
@Configuration(proxyBeanMethods = false)
public class ViewsKafkaConfiguration {

  @Bean
  EventFeed occupationViewsEventFeed(
      KafkaProperties kafka, OccupationViews views, ObjectProvider<SpoolChanges> listeners) {
    Map<String, Object> props = consumerProperties(kafka);
    // the rebuild reads the whole log: bigger polls, fewer round trips
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
    return new EventFeed(
        Topics.EVENTS.name(), consumers(props), views, listeners.orderedStream().toList());
  }

  @Bean
  KafkaCatalogs occupationViewsCatalogs(KafkaProperties kafka, ViewSettings settings) {
    Map<String, Object> props = consumerProperties(kafka);
    Admin admin = Admin.create(kafka.buildAdminProperties());
    JsonCodec codec = new JsonCodec();
    return new KafkaCatalogs(
        new CompactedTopicView<>(
            Topics.SPOOL_CATALOG.name(),
            SpoolCatalogEntry.class,
            consumers(props),
            admin,
            codec,
            settings.catalogWait()),
        new CompactedTopicView<>(
            Topics.WORKER_CATALOG.name(),
            WorkerCatalogEntry.class,
            consumers(props),
            admin,
            codec,
            settings.catalogWait()),
        admin);
  }

  /** Named so a readiness group lists it as {@code occupationViews}. */
  @Bean
  ViewsHealthIndicator occupationViewsHealthIndicator(
      OccupationViews views, EventFeed occupationViewsEventFeed, KafkaCatalogs catalogs) {
    return new ViewsHealthIndicator(views, occupationViewsEventFeed, catalogs);
  }

  private static Map<String, Object> consumerProperties(KafkaProperties kafka) {
    Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return props;
  }

  private static Supplier<Consumer<String, byte[]>> consumers(Map<String, Object> props) {
    Map<String, Object> copy = Map.copyOf(props);
    return () -> new KafkaConsumer<>(copy, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
