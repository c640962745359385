package cl.zeues.occupation.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The view against a real (embedded KRaft) broker. */
class CompactedTopicViewIT {

  static final String TOPIC = "test.catalog";
  static EmbeddedKafkaKraftBroker broker;
  static Admin admin;
  static KafkaProducer<String, byte[]> producer;
  static final JsonCodec codec = new JsonCodec();

  @BeforeAll
  static void start() {
    broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.afterPropertiesSet();
    admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    broker.addTopics(
        new NewTopic(TOPIC, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));
    producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void stop() {
    producer.close();
    admin.close();
    broker.destroy();
  }

  static void publish(String key, @Nullable SpoolCatalogEntry value) throws Exception {
    producer
        .send(new ProducerRecord<>(TOPIC, key, value == null ? null : codec.write(value)))
        .get();
  }

  static CompactedTopicView<SpoolCatalogEntry> view() {
    return view(admin, Duration.ZERO);
  }

  static CompactedTopicView<SpoolCatalogEntry> view(Admin lookups, Duration missTtl) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.getBrokersAsString(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    return new CompactedTopicView<>(
        TOPIC,
        SpoolCatalogEntry.class,
        () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
        lookups,
        codec,
        Duration.ofSeconds(5),
        missTtl);
  }

  /** The real admin client, counting the end-offset lookups a miss makes. */
  static Admin counting(AtomicInteger listOffsets) {
    return (Admin)
        Proxy.newProxyInstance(
            Admin.class.getClassLoader(),
            new Class<?>[] {Admin.class},
            (proxy, method, args) -> {
              if (method.getName().equals("listOffsets")) {
                listOffsets.incrementAndGet();
              }
              try {
                return method.invoke(admin, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void anUnknownKeyIsAnsweredFromMemoryUntilTheTopicDeliversIt() throws Exception {
    AtomicInteger listOffsets = new AtomicInteger();
    try (var view = view(counting(listOffsets), Duration.ofMinutes(10))) {
      view.start();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(view::isLoaded);

      assertThat(view.find("C-1")).isEmpty();
      int afterFirstMiss = listOffsets.get();
      assertThat(afterFirstMiss).isPositive();
      for (int i = 0; i < 100; i++) {
        assertThat(view.find("C-1")).isEmpty();
      }
      assertThat(listOffsets.get())
          .as("no broker call for a remembered miss")
          .isEqualTo(afterFirstMiss);
      assertThat(view.rememberedMisses()).isEqualTo(1);

      publish("C-1", new SpoolCatalogEntry("C-1", null));

      // well within the 10 minutes: the delivery itself ends the remembered miss
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> view.find("C-1").isPresent());
      assertThat(view.rememberedMisses()).isZero();
    }
  }

  @Test
  void readsTheTopicFromTheBeginningAndFindsWhatIsPublishedLaterAtOnce() throws Exception {
    publish("A-1", new SpoolCatalogEntry("A-1", LocalDate.parse("2026-10-01")));
    try (var view = view()) {
      view.start();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(view::isLoaded);
      assertThat(view.find("A-1"))
          .map(SpoolCatalogEntry::fechaMateriales)
          .contains(LocalDate.parse("2026-10-01"));

      publish("A-2", new SpoolCatalogEntry("A-2", null));

      // no waiting in the test: the lookup itself catches up with what was just committed
      assertThat(view.find("A-2")).isPresent();
      assertThat(view.find("NOT-THERE")).isEmpty();
    }
  }

  @Test
  void aTombstoneRemovesTheEntryAndALaterValueReplacesIt() throws Exception {
    publish("B-1", new SpoolCatalogEntry("B-1", null));
    publish("B-1", null);
    publish("B-2", new SpoolCatalogEntry("B-2", null));
    publish("B-2", new SpoolCatalogEntry("B-2", LocalDate.parse("2026-11-01")));
    try (var view = view()) {
      view.start();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(view::isLoaded);

      assertThat(view.find("B-1")).isEmpty();
      assertThat(view.find("B-2"))
          .map(SpoolCatalogEntry::fechaMateriales)
          .contains(LocalDate.parse("2026-11-01"));
      assertThat(view.snapshot()).containsKey("B-2").doesNotContainKey("B-1");
    }
  }
}
