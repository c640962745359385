package cl.zeues.occupation.processor.occupation.kafka;

import cl.zeues.occupation.catalog.CompactedTopicView;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.processor.occupation.OccupationService;
import cl.zeues.occupation.processor.occupation.ProcessorSettings;
import cl.zeues.occupation.processor.occupation.StoreLostException;
import cl.zeues.occupation.processor.occupation.StoreRecovery;
import cl.zeues.occupation.tracing.ConsumedRecordTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Exactly-once read-process-write: a transactional producer, a read_committed batch listener whose
 * container runs each poll in a Kafka transaction and commits the offsets in it, and an
 * after-rollback processor that retries a failed poll forever with backoff (a command is never
 * skipped: Redis or the broker being away only delays decisions).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

  /**
   * Every topic, created if missing with its own configs and the {@code min.insync.replicas} its
   * replication calls for ({@link Topics.Replication#of}), so a topic keeps its durability whatever
   * the broker's default.
   */
  @Bean
  KafkaAdmin.NewTopics occupationTopics(ProcessorSettings settings) {
    Topics.Replication replication = Topics.Replication.of(settings.topicReplicas());
    return new KafkaAdmin.NewTopics(
        Topics.ALL.stream()
            .map(
                spec ->
                    TopicBuilder.name(spec.name())
                        .partitions(spec.partitions())
                        .replicas(replication.factor())
                        .configs(spec.configs(replication))
                        .build())
            .toArray(NewTopic[]::new));
  }

  @Bean
  ProducerFactory<String, byte[]> occupationProducerFactory(
      KafkaProperties kafka, ProcessorSettings settings, MeterRegistry registry) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // A transaction that starts right after the previous commit has its TxnOffsetCommit refused
    // (CONCURRENT_TRANSACTIONS) while the previous offsets are pending; the client's default 100 ms
    // retry backoff then stalls the partition (benchmarks/README.md, "the relay at a rate").
    config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
    // The events and the reply wait for commitTransaction's flush anyway: no batching delay.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
    // Unique per instance: with EOS v2 zombies are fenced by the consumer group generation, and
    // two instances must never share a transactional id.
    factory.setTransactionIdPrefix(settings.transactionIdPrefix() + UUID.randomUUID() + "-");
    // Kafka's own client metrics (transaction begin/commit times, request latencies) on
    // /prometheus.
    factory.addListener(new MicrometerProducerListener<>(registry));
    return factory;
  }

  @Bean
  KafkaTemplate<String, byte[]> occupationKafkaTemplate(ProducerFactory<String, byte[]> factory) {
    KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
    // A producer span per event, reply and dead letter, child of the command's span (the listener's
    // ConsumedRecordTracing), with its traceparent in the record's headers.
    template.setObservationEnabled(true);
    return template;
  }

  @Bean
  KafkaTransactionManager<String, byte[]> kafkaTransactionManager(
      ProducerFactory<String, byte[]> factory) {
    return new KafkaTransactionManager<>(factory);
  }

  @Bean
  DefaultKafkaConsumerFactory<String, byte[]> commandConsumerFactory(
      KafkaProperties kafka, ProcessorSettings settings, MeterRegistry registry) {
    DefaultKafkaConsumerFactory<String, byte[]> factory =
        new DefaultKafkaConsumerFactory<>(
            consumerConfig(kafka, settings.groupId()),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    factory.addListener(new MicrometerConsumerListener<>(registry));
    return factory;
  }

  @Bean
  ConcurrentMessageListenerContainer<String, byte[]> commandListenerContainer(
      DefaultKafkaConsumerFactory<String, byte[]> consumers,
      KafkaTransactionManager<String, byte[]> transactions,
      OccupationService service,
      StoreRecovery recovery,
      KafkaTemplate<String, byte[]> template,
      JsonCodec codec,
      MeterRegistry registry,
      ObservationRegistry observations,
      ProcessorSettings settings) {
    ContainerProperties properties = new ContainerProperties(Topics.COMMANDS.name());
    properties.setGroupId(settings.groupId());
    properties.setKafkaAwareTransactionManager(transactions);
    properties.setMessageListener(
        new CommandListener(
            service,
            recovery,
            new OutcomePublisher(template, codec),
            codec,
            registry,
            new ConsumedRecordTracing(observations)));
    properties.setConsumerRebalanceListener(new AssignedPartitions(recovery));
    ConcurrentMessageListenerContainer<String, byte[]> container =
        new ConcurrentMessageListenerContainer<>(consumers, properties);
    container.setConcurrency(settings.concurrency());
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(5_000);
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    DefaultAfterRollbackProcessor<String, byte[]> afterRollback =
        new DefaultAfterRollbackProcessor<>(backOff);
    // A store found empty is rebuilt at the start of the redelivered batch: no reason to wait.
    afterRollback.setBackOffFunction(
        (record, failure) ->
            causedByStoreLoss(failure) ? new FixedBackOff(0, Long.MAX_VALUE) : null);
    container.setAfterRollbackProcessor(afterRollback);
    return container;
  }

  @Bean(destroyMethod = "close")
  Admin kafkaAdminClient(KafkaProperties kafka) {
    Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
    config.putIfAbsent("request.timeout.ms", 5_000);
    config.putIfAbsent("default.api.timeout.ms", 10_000);
    return Admin.create(config);
  }

  @Bean
  KafkaEventLog eventLog(
      KafkaProperties kafka, Admin admin, JsonCodec codec, ProcessorSettings settings) {
    Map<String, Object> config = consumerConfig(kafka, null);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    return new KafkaEventLog(
        () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
        admin,
        codec,
        settings.rebuildWait());
  }

  @Bean
  KafkaSpoolCatalog spoolCatalog(
      KafkaProperties kafka, Admin admin, JsonCodec codec, ProcessorSettings settings) {
    Map<String, Object> config = consumerConfig(kafka, null);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaSpoolCatalog(
        new CompactedTopicView<>(
            Topics.SPOOL_CATALOG.name(),
            SpoolCatalogEntry.class,
            () ->
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
            admin,
            codec,
            settings.catalogWait()));
  }

  @Bean
  HealthIndicator kafkaHealthIndicator(Admin admin) {
    return () -> {
      try {
        String cluster =
            admin
                .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                .clusterId()
                .get(3, TimeUnit.SECONDS);
        return Health.up().withDetail("clusterId", cluster).build();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return Health.down().withDetail("error", e.toString()).build();
      }
    };
  }

  @Bean
  HealthIndicator spoolCatalogHealthIndicator(KafkaSpoolCatalog catalog) {
    return () ->
        (catalog.isLoaded() ? Health.up() : Health.outOfService())
            .withDetail("spools", catalog.size())
            .build();
  }

  private static boolean causedByStoreLoss(@Nullable Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StoreLostException) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> consumerConfig(
      KafkaProperties kafka, @Nullable String groupId) {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    if (groupId != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }
}
