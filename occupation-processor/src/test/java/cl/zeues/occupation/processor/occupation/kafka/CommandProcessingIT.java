package cl.zeues.occupation.processor.occupation.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.EventChain;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.Worker;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The processor as a whole against a real (embedded, KRaft) broker and the real Redis: commands in,
 * events and replies out, read_committed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.config.name=occupation-processor",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "zeues.processor.lease=2s",
      "zeues.processor.sweep-interval=500ms"
    })
@EmbeddedKafka(partitions = 1)
class CommandProcessingIT {

  static final Worker JUAN = Worker.of(94, "Juan Perez");

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  @Autowired MeterRegistry registry;

  KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(brokers);
  }

  @AfterEach
  void close() {
    kafka.close();
  }

  String spool() {
    String tag = "IT-PROC-" + UUID.randomUUID();
    kafka.sendJson(
        Topics.SPOOL_CATALOG.name(),
        tag,
        new SpoolCatalogEntry(tag, LocalDate.parse("2026-10-01")));
    return tag;
  }

  OccupationCommand.Tomar tomar(String tag) {
    return new OccupationCommand.Tomar(UUID.randomUUID(), tag, JUAN, Operacion.ARM, Instant.now());
  }

  CommandReply awaitReply(UUID commandId) {
    return kafka
        .awaitRecords(
            Topics.REPLIES.name(), r -> r.key().equals(commandId.toString()), l -> !l.isEmpty())
        .stream()
        .map(r -> kafka.codec.read(r.value(), CommandReply.class))
        .findFirst()
        .orElseThrow();
  }

  List<OccupationEvent> awaitEvents(String tag, int count) {
    return kafka
        .awaitRecords(Topics.EVENTS.name(), r -> r.key().equals(tag), l -> l.size() >= count)
        .stream()
        .map(r -> kafka.codec.read(r.value(), OccupationEvent.class))
        .toList();
  }

  @Test
  void anAcceptedTomarPublishesOneEventWithCloudEventsHeadersAndAReply() {
    String tag = spool();
    var command = tomar(tag);

    kafka.sendJson(Topics.COMMANDS.name(), tag, command);

    assertThat(awaitReply(command.commandId())).isInstanceOf(CommandReply.Accepted.class);
    ConsumerRecord<String, byte[]> event =
        kafka
            .awaitRecords(Topics.EVENTS.name(), r -> r.key().equals(tag), l -> !l.isEmpty())
            .getFirst();
    OccupationEvent tomado = kafka.codec.read(event.value(), OccupationEvent.class);
    assertThat(tomado).isInstanceOf(OccupationEvent.SpoolTomado.class);
    assertThat(header(event, "ce_id")).isEqualTo(tomado.eventId().toString());
    assertThat(header(event, "ce_type")).isEqualTo("cl.zeues.occupation.SpoolTomado.v1");
    assertThat(header(event, "ce_subject")).isEqualTo(tag);
    assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(event, "ce_source")).isNotBlank();
    assertThat(Instant.parse(header(event, "ce_time"))).isEqualTo(tomado.occurredAt());
    assertThat(registry.find("kafka.producer.txn.commit.time.ns.total").meters())
        .as("the transactional producer's own metrics are published")
        .isNotEmpty();
  }

  @Test
  void theSameCommandIdTwiceYieldsTheSameReplyAndOneEvent() {
    String tag = spool();
    var command = tomar(tag);
    var pause = new OccupationCommand.Pausar(UUID.randomUUID(), tag, JUAN, null, Instant.now());

    kafka.sendJson(Topics.COMMANDS.name(), tag, command);
    kafka.sendJson(Topics.COMMANDS.name(), tag, command);
    kafka.sendJson(Topics.COMMANDS.name(), tag, pause);

    List<CommandReply> replies =
        kafka
            .awaitRecords(
                Topics.REPLIES.name(),
                r -> r.key().equals(command.commandId().toString()),
                l -> l.size() >= 2)
            .stream()
            .map(r -> kafka.codec.read(r.value(), CommandReply.class))
            .toList();
    assertThat(replies.get(1)).isEqualTo(replies.get(0));
    awaitReply(pause.commandId());
    assertThat(awaitEvents(tag, 2))
        .extracting(e -> e.getClass().getSimpleName() + " v" + e.version())
        .containsExactly("SpoolTomado v1", "SpoolPausado v2");
  }

  @Test
  void aPoisonCommandIsDeadLetteredWithItsCauseAndTheSpoolKeepsMoving() {
    String tag = spool();
    kafka.send(Topics.COMMANDS.name(), tag, "{not json".getBytes(StandardCharsets.UTF_8));
    kafka.sendJson(Topics.COMMANDS.name(), "OTHER-KEY", tomar(tag));
    var good = tomar(tag);
    kafka.sendJson(Topics.COMMANDS.name(), tag, good);

    assertThat(awaitReply(good.commandId())).isInstanceOf(CommandReply.Accepted.class);
    List<ConsumerRecord<String, byte[]>> dead =
        kafka.awaitRecords(
            Topics.COMMANDS_DLT.name(),
            r -> tag.equals(r.key()) || "OTHER-KEY".equals(r.key()),
            l -> l.size() >= 2);
    assertThat(dead)
        .extracting(r -> header(r, OutcomePublisher.CAUSE_HEADER))
        .anySatisfy(cause -> assertThat(cause).contains("OccupationCommand"))
        .anySatisfy(cause -> assertThat(cause).contains("is not the command's tag_spool"));
    assertThat(dead)
        .allSatisfy(
            r -> {
              assertThat(header(r, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                  .isEqualTo(Topics.COMMANDS.name());
              // spring-kafka's binary layout (DeadLetterPublishingRecoverer): a 4-byte partition,
              // 8-byte offset and timestamp, big-endian.
              byte[] partition = raw(r, KafkaHeaders.DLT_ORIGINAL_PARTITION);
              byte[] offset = raw(r, KafkaHeaders.DLT_ORIGINAL_OFFSET);
              assertThat(partition).hasSize(Integer.BYTES);
              assertThat(ByteBuffer.wrap(partition).getInt())
                  .isEqualTo(KafkaEventLog.commandsPartitionOf(r.key()));
              assertThat(offset).hasSize(Long.BYTES);
              assertThat(ByteBuffer.wrap(offset).getLong()).isNotNegative();
              assertThat(ByteBuffer.wrap(raw(r, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP)).getLong())
                  .isPositive();
              assertThat(header(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                  .isEqualTo(header(r, OutcomePublisher.CAUSE_HEADER));
            });
  }

  @Test
  void everyTopicIsCreatedWithTheMinInSyncReplicasOfItsReplication() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      List<ConfigResource> topics =
          Topics.ALL.stream()
              .map(spec -> new ConfigResource(ConfigResource.Type.TOPIC, spec.name()))
              .toList();
      Map<ConfigResource, Config> configs =
          admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);

      assertThat(configs.values())
          .allSatisfy(
              config -> {
                ConfigEntry minInSync = config.get("min.insync.replicas");
                assertThat(minInSync.value()).isEqualTo("1");
                assertThat(minInSync.source())
                    .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
              });
    }
  }

  private static byte[] raw(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    assertThat(header).as(name).isNotNull();
    return header.value();
  }

  @Test
  void anUnknownSpoolIsRejectedNotFound() {
    var command = tomar("IT-PROC-NOT-IN-CATALOG-" + UUID.randomUUID());
    kafka.sendJson(Topics.COMMANDS.name(), command.tagSpool(), command);

    var reply = (CommandReply.Rejected) awaitReply(command.commandId());
    assertThat(reply.reason()).isEqualTo(RejectionReason.SPOOL_NO_ENCONTRADO);
  }

  @Test
  void aLapsedLeaseBecomesAnExplicitExpiryEvent() {
    String tag = spool();
    var command = tomar(tag);
    kafka.sendJson(Topics.COMMANDS.name(), tag, command);

    List<OccupationEvent> events = awaitEvents(tag, 2);

    assertThat(events.get(1)).isInstanceOf(OccupationEvent.OcupacionExpirada.class);
    assertThat(events.get(1).worker()).isEqualTo(JUAN);
    assertThat(events.get(1).occupationId()).isEqualTo(command.commandId());
    assertThat(events.get(1).version()).isEqualTo(2);
  }

  @Test
  void eachPublishedEventLinksToThePublishedBytesOfTheSpoolsPreviousEvent() {
    String tag = spool();
    kafka.sendJson(Topics.COMMANDS.name(), tag, tomar(tag).withDispositivo("tablet-it"));
    // The sweeper expires the 2 s lease; the next TOMAR is decided on the state Redis stored.
    kafka.awaitRecords(Topics.EVENTS.name(), r -> r.key().equals(tag), l -> l.size() >= 2);
    kafka.sendJson(Topics.COMMANDS.name(), tag, tomar(tag).withDispositivo("tablet-it"));

    List<ConsumerRecord<String, byte[]>> records =
        kafka.awaitRecords(Topics.EVENTS.name(), r -> r.key().equals(tag), l -> l.size() >= 3);
    List<OccupationEvent> events =
        records.stream().map(r -> kafka.codec.read(r.value(), OccupationEvent.class)).toList();

    assertThat(events.get(0).hashAnterior()).isEqualTo(EventChain.GENESIS);
    for (int i = 1; i < 3; i++) {
      assertThat(events.get(i).hashAnterior())
          .as("link of version %d", events.get(i).version())
          .isEqualTo(EventChain.hashOf(records.get(i - 1).value()));
    }
    assertThat(events.subList(0, 3))
        .extracting(OccupationEvent::dispositivo)
        .containsExactly("tablet-it", null, "tablet-it");
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
