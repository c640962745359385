package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.processor.ProcessorApplication;
import cl.zeues.occupation.processor.occupation.redis.RedisServerProcess;
import cl.zeues.occupation.systemtests.compose.KafkaAclFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13: nobody on Kafka's network acts as someone they are not. A broker secured as {@code
 * docker/compose.yml}'s (SASL on every listener, SCRAM-SHA-512 users per service, {@code
 * StandardAuthorizer}) with exactly the ACLs of {@code docker/kafka/acls.txt}: the API's user is
 * refused writing {@code occupation.events} (the source of truth) while it may write commands, a
 * client without valid credentials is refused outright, and the real processor decides a command
 * end to end with nothing but its own user's rights.
 */
class BrokerAclIT {

  static final KafkaAclFile ACLS = KafkaAclFile.read();
  static final Map<String, String> PASSWORDS = new LinkedHashMap<>();
  static final JsonCodec CODEC = new JsonCodec();

  @TempDir static Path dir;
  static SecuredKafkaBroker broker;
  static RedisServerProcess redis;
  static ConfigurableApplicationContext processor;

  @BeforeAll
  static void start() throws Exception {
    ACLS.users().forEach(user -> PASSWORDS.put(user, password()));
    broker = new SecuredKafkaBroker(dir, password());
    broker.start();
    broker.setUp(PASSWORDS, ACLS.bindings());
    redis = RedisServerProcess.start();
    processor =
        ProcessorApplication.builder()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrap(),
                "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                "--spring.kafka.properties.sasl.mechanism=" + SecuredKafkaBroker.SCRAM,
                "--spring.kafka.properties.sasl.jaas.config=" + scramJaas("occupation-processor"),
                "--zeues.processor.redis-url=" + redis.url());
  }

  @AfterAll
  static void stop() {
    if (processor != null) {
      processor.close();
    }
    if (redis != null) {
      redis.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void theApiIsRefusedWritingTheEventLogButMayWriteCommands() throws Exception {
    String tag = "ACL-" + UUID.randomUUID();
    try (KafkaProducer<String, byte[]> api = producer("command-api")) {
      api.send(command(tomar(tag))).get(30, TimeUnit.SECONDS);

      assertThatThrownBy(
              () ->
                  api.send(new ProducerRecord<>(Topics.EVENTS.name(), tag, forgedLiberar(tag)))
                      .get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(TopicAuthorizationException.class)
          .hasMessageContaining(Topics.EVENTS.name());
    }
  }

  @Test
  void onlyTheProcessorMayWriteEventsAndReplies() {
    for (String user : List.of("command-api", "sheets-projector")) {
      try (KafkaProducer<String, byte[]> producer = producer(user)) {
        for (String topic : List.of(Topics.EVENTS.name(), Topics.REPLIES.name())) {
          assertThatThrownBy(
                  () ->
                      producer
                          .send(new ProducerRecord<>(topic, "ACL-FORGED", new byte[] {'{', '}'}))
                          .get(30, TimeUnit.SECONDS))
              .as("%s writing %s", user, topic)
              .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
      }
    }
  }

  @Test
  void theApiReadsTheEventLogForTheReadModelItHosts() {
    // occupation-views, inside the API, folds occupation.events; writing it stays refused (above).
    try (KafkaConsumer<String, byte[]> api = consumer("command-api", null)) {
      TopicPartition events = new TopicPartition(Topics.EVENTS.name(), 0);
      api.assign(List.of(events));
      api.seekToBeginning(List.of(events));
      org.assertj.core.api.Assertions.assertThatCode(() -> api.poll(Duration.ofSeconds(2)))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void aClientWithoutValidCredentialsIsRefused() {
    Map<String, Object> config =
        broker.client(SecuredKafkaBroker.SCRAM, "command-api", "not-the-password");
    try (Admin intruder = Admin.create(config)) {
      assertThatThrownBy(() -> intruder.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
    // The broker's own user logs in with PLAIN only: no SCRAM credentials exist for it.
    Map<String, Object> posing =
        broker.client(SecuredKafkaBroker.SCRAM, SecuredKafkaBroker.BROKER_USER, "guess");
    try (Admin intruder = Admin.create(posing)) {
      assertThatThrownBy(() -> intruder.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  /**
   * The catalog import, a TOMAR through the API's user and its reply, all with their own rights.
   */
  @Test
  void theServicesDecideACommandWithOnlyTheirOwnRights() throws Exception {
    String tag = "ACL-" + UUID.randomUUID();
    OccupationCommand.Tomar tomar = tomar(tag);
    try (KafkaProducer<String, byte[]> projector = producer("sheets-projector");
        KafkaProducer<String, byte[]> api = producer("command-api");
        KafkaConsumer<String, byte[]> replies =
            consumer("command-api", "zeues-api-" + UUID.randomUUID());
        KafkaConsumer<String, byte[]> events = consumer("sheets-projector", "sheets-projector")) {
      projector
          .send(
              new ProducerRecord<>(
                  Topics.SPOOL_CATALOG.name(),
                  tag,
                  CODEC.write(new SpoolCatalogEntry(tag, LocalDate.parse("2026-10-01")))))
          .get(30, TimeUnit.SECONDS);
      replies.subscribe(List.of(Topics.REPLIES.name()));
      events.subscribe(List.of(Topics.EVENTS.name()));

      api.send(command(tomar)).get(30, TimeUnit.SECONDS);

      CommandReply reply =
          CODEC.read(
              awaitRecord(replies, r -> r.key().equals(tomar.commandId().toString())).value(),
              CommandReply.class);
      assertThat(reply).isInstanceOf(CommandReply.Accepted.class);
      OccupationEvent tomado =
          CODEC.read(awaitRecord(events, r -> r.key().equals(tag)).value(), OccupationEvent.class);
      assertThat(tomado).isInstanceOf(OccupationEvent.SpoolTomado.class);
    }
  }

  private static ConsumerRecord<String, byte[]> awaitRecord(
      KafkaConsumer<String, byte[]> consumer,
      java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              consumer
                  .poll(Duration.ofMillis(200))
                  .forEach(
                      r -> {
                        if (wanted.test(r)) {
                          found.add(r);
                        }
                      });
              return !found.isEmpty();
            });
    return found.getFirst();
  }

  private static KafkaProducer<String, byte[]> producer(String user) {
    Map<String, Object> config = broker.client(SecuredKafkaBroker.SCRAM, user, PASSWORDS.get(user));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<String, byte[]> consumer(String user, @Nullable String group) {
    Map<String, Object> config = broker.client(SecuredKafkaBroker.SCRAM, user, PASSWORDS.get(user));
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static ProducerRecord<String, byte[]> command(OccupationCommand command) {
    return new ProducerRecord<>(Topics.COMMANDS.name(), command.tagSpool(), CODEC.write(command));
  }

  private static OccupationCommand.Tomar tomar(String tag) {
    return new OccupationCommand.Tomar(
        UUID.randomUUID(), tag, Worker.of(94, "Juan Perez"), Operacion.ARM, Instant.now());
  }

  /** What an intruder would publish: the spool released, as if an admin had done it. */
  private static byte[] forgedLiberar(String tag) {
    return ("{\"type\":\"LiberarOcupacion\",\"tag_spool\":\"" + tag + "\"}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String scramJaas(String user) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + PASSWORDS.get(user)
        + "\";";
  }

  private static String password() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
