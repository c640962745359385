package cl.zeues.occupation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.testing.ShopHistory;
import cl.zeues.occupation.audit.testing.TestBroker;
import cl.zeues.occupation.audit.testing.ToolRun;
import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.SpoolPausado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.Worker;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code verify} against a real broker: a log the domain wrote, a log broken on purpose, no broker.
 */
class AuditVerifyIT {

  private static final Instant START = Instant.parse("2026-03-02T11:00:00Z");
  private static final String VIOLATIONS = "audit-it.violations";

  private static TestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new TestBroker();
    broker.createTopic(Topics.EVENTS.name(), Topics.EVENTS.partitions());
    broker.createTopic(VIOLATIONS, Topics.EVENTS.partitions());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aLogTheDomainWroteIsCleanAndAbortedRecordsAreNotFacts() {
    ShopHistory shop = new ShopHistory(42, START);
    for (int i = 0; i < 40; i++) {
      String tag = "MK-1335-CW-25238-%03d".formatted(i);
      Worker worker = i % 2 == 0 ? ShopHistory.JUAN : ShopHistory.MARIA;
      shop.tomar(tag, worker, Operacion.ARM);
      shop.after(Duration.ofMinutes(7));
      if (i % 3 == 0) {
        shop.completar(tag, worker);
        shop.tomar(tag, ShopHistory.PEDRO, Operacion.SOLD);
      } else if (i % 3 == 1) {
        shop.pausar(tag, worker);
      }
    }
    // A lapsed lease taken over: two events from one command.
    shop.after(Duration.ofHours(13))
        .tomar("MK-1335-CW-25238-001", ShopHistory.PEDRO, Operacion.ARM);
    broker.publishDecisions(Topics.EVENTS.name(), shop.decisions());
    broker.publishAborted(Topics.EVENTS.name(), "MK-1335-CW-25238-002", bytes("{garbage"));

    ToolRun run = ToolRun.of("verify", "--bootstrap-servers", broker.bootstrapServers(), "--json");

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    JsonNode report = run.json();
    assertThat(report.get("exit").asInt()).isZero();
    assertThat(report.get("events_read").asLong()).isEqualTo(shop.events().size());
    assertThat(report.get("spools").asInt()).isEqualTo(40);
    assertThat(report.get("findings")).isEmpty();
    assertThat(report.get("events_per_second").asLong()).isPositive();

    ToolRun human = ToolRun.of("verify", "--bootstrap-servers", broker.bootstrapServers());
    assertThat(human.exit()).isZero();
    assertThat(human.out()).contains("clean").contains("events/s");
  }

  @Test
  void everyInjectedViolationIsFoundWithItsRule() throws Exception {
    JsonCodec json = new JsonCodec();
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    // Two occupants at once.
    SpoolTomado first = tomado("V-TWO", 1, ShopHistory.JUAN);
    records.add(record(first));
    records.add(record(tomado("V-TWO", 2, ShopHistory.MARIA)));
    // A pause by someone who is not the occupant.
    SpoolTomado held = tomado("V-PAUSE", 1, ShopHistory.JUAN);
    records.add(record(held));
    records.add(record(pausado(held, 2, ShopHistory.MARIA)));
    // A version gap.
    SpoolTomado gapped = tomado("V-GAP", 1, ShopHistory.JUAN);
    records.add(record(gapped));
    records.add(record(pausado(gapped, 3, ShopHistory.JUAN)));
    // A version repeat: a second take decided on the same version 2.
    SpoolTomado repeated = tomado("V-REPEAT", 1, ShopHistory.JUAN);
    records.add(record(repeated));
    records.add(record(pausado(repeated, 2, ShopHistory.JUAN)));
    records.add(record(tomado("V-REPEAT", 2, ShopHistory.MARIA)));
    // One command decided twice, on two spools.
    SpoolTomado decided = tomado("V-CMD-A", 1, ShopHistory.JUAN);
    records.add(record(decided));
    SpoolTomado again = tomado("V-CMD-B", 1, ShopHistory.JUAN);
    records.add(
        record(
            new SpoolTomado(
                again.eventId(),
                decided.commandId(),
                again.tagSpool(),
                1,
                again.worker(),
                again.operacion(),
                again.occupationId(),
                again.occurredAt(),
                again.leaseUntil(),
                false,
                again.fechaMateriales(),
                null,
                null)));
    // Malformed JSON.
    records.add(new ProducerRecord<>(VIOLATIONS, "V-BAD", bytes("{\"type\":\"SpoolTomado\",")));
    // A key that is not the tag.
    SpoolTomado misKeyed = tomado("V-KEY", 1, ShopHistory.JUAN);
    ProducerRecord<String, byte[]> wrongKey =
        new ProducerRecord<>(VIOLATIONS, "V-KEY-WRONG", json.write(misKeyed));
    headers(misKeyed).forEach((name, value) -> wrongKey.headers().add(name, value));
    records.add(wrongKey);
    // A ce_type that names another event type.
    SpoolTomado typed = tomado("V-CE", 1, ShopHistory.JUAN);
    ProducerRecord<String, byte[]> mistyped = record(typed);
    mistyped.headers().remove("ce_type");
    mistyped.headers().add("ce_type", bytes("cl.zeues.occupation.SpoolPausado.v1"));
    records.add(mistyped);
    // A chained history whose middle event was edited in place: its successor's link exposes it.
    ShopHistory chained = new ShopHistory(9, START);
    chained.tomar("V-CHAIN", ShopHistory.JUAN, Operacion.ARM);
    chained.after(Duration.ofHours(1)).pausar("V-CHAIN", ShopHistory.JUAN);
    chained.after(Duration.ofHours(1)).tomar("V-CHAIN", ShopHistory.MARIA, Operacion.ARM);
    List<OccupationEvent> history = chained.events();
    for (OccupationEvent event : history) {
      ProducerRecord<String, byte[]> written = record(event);
      if (event == history.get(1)) {
        String at = "\"occurred_at\":\"" + event.occurredAt() + "\"";
        String earlier = "\"occurred_at\":\"" + event.occurredAt().minusSeconds(1800) + "\"";
        String value = new String(written.value(), StandardCharsets.UTF_8);
        assertThat(value).contains(at);
        written =
            new ProducerRecord<>(
                written.topic(),
                written.partition(),
                written.key(),
                bytes(value.replace(at, earlier)),
                written.headers());
      }
      records.add(written);
    }
    try (KafkaProducer<String, byte[]> producer = broker.plainProducer()) {
      for (ProducerRecord<String, byte[]> record : records) {
        producer.send(record).get();
      }
    }

    ToolRun run =
        ToolRun.of(
            "verify",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--topic",
            VIOLATIONS,
            "--json");

    assertThat(run.exit()).isEqualTo(1);
    JsonNode report = run.json();
    assertThat(report.get("exit").asInt()).isEqualTo(1);
    List<String> found = new ArrayList<>();
    for (JsonNode finding : report.get("findings")) {
      String tag = finding.get("tag_spool").asString();
      // Partitions are read interleaved: either spool's event may be the second decision seen.
      found.add(finding.get("rule").asString() + " " + (tag.startsWith("V-CMD-") ? "V-CMD" : tag));
      assertThat(finding.get("events")).isNotEmpty();
      assertThat(finding.get("events").get(0).has("partition")).isTrue();
      assertThat(finding.get("events").get(0).has("offset")).isTrue();
      assertThat(finding.get("detail").asString()).isNotBlank();
    }
    assertThat(found)
        .containsExactlyInAnyOrder(
            "DOUBLE_OCCUPATION V-TWO",
            "RELEASE_BY_NON_OCCUPANT V-PAUSE",
            "VERSION_GAP V-GAP",
            "VERSION_REPEAT V-REPEAT",
            "COMMAND_DECIDED_TWICE V-CMD",
            "MALFORMED_EVENT V-BAD",
            "KEY_MISMATCH V-KEY",
            "CE_TYPE_MISMATCH V-CE",
            "CHAIN_BROKEN V-CHAIN");
    assertThat(report.get("findings_by_rule").get("VERSION_GAP").asInt()).isEqualTo(1);

    ToolRun human =
        ToolRun.of(
            "verify", "--bootstrap-servers", broker.bootstrapServers(), "--topic", VIOLATIONS);
    assertThat(human.exit()).isEqualTo(1);
    assertThat(human.out()).contains("VERSION_GAP  V-GAP").contains("9 finding(s)");
  }

  @Test
  void anUnreachableBrokerIsExitTwoWithOneLine() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    ToolRun run =
        ToolRun.of("verify", "--bootstrap-servers", "127.0.0.1:" + port, "--kafka-timeout", "2s");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("cannot reach Kafka at 127.0.0.1:" + port);
  }

  @Test
  void anUnknownTopicIsExitTwoAndIsNotCreated() throws Exception {
    ToolRun run =
        ToolRun.of(
            "verify", "--bootstrap-servers", broker.bootstrapServers(), "--topic", "no.such.topic");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("topic no.such.topic does not exist");
    try (var admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get()).doesNotContain("no.such.topic");
    }
  }

  @Test
  void badArgumentsAreExitTwoWithOneLine() {
    ToolRun run = ToolRun.of("verify", "--no-such-option");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("--no-such-option");

    assertThat(ToolRun.of("verify", "--help").exit()).isZero();
  }

  private static ProducerRecord<String, byte[]> record(OccupationEvent event) {
    return broker.asProcessorWrites(VIOLATIONS, event);
  }

  private static SpoolTomado tomado(String tag, long version, Worker worker) {
    UUID command = UUID.randomUUID();
    return new SpoolTomado(
        UUID.randomUUID(),
        command,
        tag,
        version,
        worker,
        Operacion.ARM,
        command,
        START,
        START.plus(Duration.ofHours(12)),
        false,
        ShopHistory.FECHA_MATERIALES,
        null,
        null);
  }

  private static SpoolPausado pausado(SpoolTomado taken, long version, Worker worker) {
    return new SpoolPausado(
        UUID.randomUUID(),
        UUID.randomUUID(),
        taken.tagSpool(),
        version,
        worker,
        taken.operacion(),
        taken.occupationId(),
        START.plusSeconds(600),
        taken.occurredAt(),
        null);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> headers(OccupationEvent event) {
    return CloudEventHeaders.of(event);
  }
}
