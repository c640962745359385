package cl.zeues.occupation.api.occupation.kafka;

import cl.zeues.occupation.api.ApiSettings;
import cl.zeues.occupation.catalog.CompactedTopicView;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The Kafka side of the API: an idempotent, acks=all producer with bounded blocking, and one
 * read_committed reply consumer in a group of its own. Connection settings come from the standard
 * {@code spring.kafka.*} properties; the delivery guarantees here are not configurable on purpose.
 */
@Configuration(proxyBeanMethods = false)
public class OccupationKafkaConfiguration {

  @Bean
  DefaultKafkaProducerFactory<String, byte[]> commandProducerFactory(
      KafkaProperties kafka, ApiSettings settings) {
    Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
    int publishMs = (int) settings.publishTimeout().toMillis();
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    // A dead broker must turn into a quick 503, never a hang: bound metadata waits and delivery.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, publishMs);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(publishMs / 2, 50));
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, publishMs);
    DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(props);
    factory.setPhysicalCloseTimeout(2);
    return factory;
  }

  @Bean
  KafkaTemplate<String, byte[]> commandTemplate(
      DefaultKafkaProducerFactory<String, byte[]> commandProducerFactory) {
    KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(commandProducerFactory);
    // A producer span per command, child of the request's, with its traceparent in the headers.
    template.setObservationEnabled(true);
    return template;
  }

  @Bean
  KafkaCommandBus kafkaCommandBus(
      KafkaTemplate<String, byte[]> commandTemplate,
      JsonCodec codec,
      ApiSettings settings,
      MeterRegistry meters) {
    KafkaCommandBus bus = new KafkaCommandBus(commandTemplate, codec, settings.publishTimeout());
    Gauge.builder("zeues.api.replies.awaiting", bus, KafkaCommandBus::awaitingCount)
        .description("Commands published by this instance whose reply is still awaited")
        .register(meters);
    return bus;
  }

  @Bean
  ReplyAssignment replyConsumerHealthIndicator() {
    return new ReplyAssignment();
  }

  @Bean
  ConcurrentMessageListenerContainer<String, byte[]> replyListenerContainer(
      KafkaProperties kafka,
      ApiSettings settings,
      KafkaCommandBus bus,
      JsonCodec codec,
      ReplyAssignment assignment) {
    Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.replyGroupPrefix() + UUID.randomUUID());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    // The processor replies inside transactions: only committed replies are real.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // A fresh group per instance: only replies to commands published from now on matter.
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    ContainerProperties container = new ContainerProperties(Topics.REPLIES.name());
    container.setMessageListener(new ReplyListener(bus, codec));
    container.setConsumerRebalanceListener(assignment);
    // Nothing to commit: the group is this instance's alone and always starts at the end.
    container.setAckMode(ContainerProperties.AckMode.MANUAL);
    container.setShutdownTimeout(2_000);
    // A consumer span per reply, in the trace its command started (the traceparent it carries).
    container.setObservationEnabled(true);
    ConcurrentMessageListenerContainer<String, byte[]> listener =
        new ConcurrentMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<>(props), container);
    listener.setConcurrency(1);
    return listener;
  }

  @Bean
  KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, ApiSettings settings) {
    Map<String, Object> props = new HashMap<>(kafka.buildAdminProperties());
    int timeoutMs = (int) settings.healthTimeout().toMillis();
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    return new KafkaClusterHealthIndicator(Admin.create(props), settings.healthTimeout());
  }

  /** Created at startup if missing (the processor declares the same specs from {@link Topics}). */
  /** Named so the readiness group can list it as {@code workerDirectory}. */
  @Bean
  KafkaWorkerDirectory workerDirectoryHealthIndicator(
      KafkaProperties kafka, ApiSettings settings, JsonCodec codec) {
    Admin admin = Admin.create(kafka.buildAdminProperties());
    Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
    consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaWorkerDirectory(
        new CompactedTopicView<>(
            Topics.WORKER_CATALOG.name(),
            WorkerCatalogEntry.class,
            () ->
                new KafkaConsumer<>(
                    consumer, new StringDeserializer(), new ByteArrayDeserializer()),
            admin,
            codec,
            settings.healthTimeout(),
            settings.unknownKeyTtl()),
        admin);
  }

  @Bean
  NewTopic commandsTopic() {
    return topic(Topics.COMMANDS);
  }

  @Bean
  NewTopic repliesTopic() {
    return topic(Topics.REPLIES);
  }

  /**
   * The read model this process hosts (occupation-views) follows the log and the spool catalog:
   * created here too, so the API gets ready whichever service starts first.
   */
  @Bean
  NewTopic eventsTopic() {
    return topic(Topics.EVENTS);
  }

  @Bean
  NewTopic spoolCatalogTopic() {
    return topic(Topics.SPOOL_CATALOG);
  }

  private static NewTopic topic(Topics.Spec spec) {
    return new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
        .configs(spec.configs());
  }
}
