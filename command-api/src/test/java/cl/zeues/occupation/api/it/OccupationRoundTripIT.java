package cl.zeues.occupation.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.StoreLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * The real app, a real (embedded; spring-kafka 4 brokers are always KRaft) Kafka broker, the real
 * Redis and a transactional test responder standing in for the processor: the full request /
 * command / reply round trip.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=command-api",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "zeues.api.reply-timeout=2s",
      "zeues.security.bootstrap-admin-token=it-token",
      // This test reads the readiness components; production shows them only when authorized.
      "management.endpoint.health.show-details=always"
    })
@EmbeddedKafka(
    partitions = 6,
    topics = {
      "occupation.commands",
      "occupation.replies",
      "workers.catalog",
      "security.credentials"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OccupationRoundTripIT {

  private static final String WORKER = "\"worker_id\":94,\"worker_nombre\":\"JP(94)\"";

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired StringRedisTemplate redis;

  private final JsonCodec codec = new JsonCodec();
  private final List<String> redisKeys = new ArrayList<>();
  private TestResponder responder;
  private Http http;
  private Http management;
  private String tabletId;

  @BeforeAll
  void startResponderAndAwaitReadiness() {
    responder = new TestResponder(broker.getBrokersAsString());
    WorkerCatalog.publish(broker.getBrokersAsString(), WorkerCatalog.JUAN_PEREZ);
    management = new Http(managementPort);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200));
    // Every tablet call below comes from a device credential issued as the shop would.
    Http.Answer issued =
        new Http(port)
            .withToken("it-token")
            .post("/api/admin/credentials", "{\"name\":\"tablet-it\",\"role\":\"TABLET\"}");
    assertThat(issued.status()).isEqualTo(201);
    tabletId = issued.body().get("id").asString();
    http = new Http(port).withToken(issued.body().get("token").asString());
  }

  @AfterAll
  void stopResponder() throws InterruptedException {
    responder.close();
  }

  @AfterEach
  void removeRedisKeys() {
    if (!redisKeys.isEmpty()) {
      redis.delete(redisKeys);
      redisKeys.clear();
    }
  }

  private static String tag(String prefix) {
    return "IT-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String tomar(String tag) {
    return "{\"tag_spool\":\"" + tag + "\"," + WORKER + ",\"operacion\":\"ARM\"}";
  }

  @Test
  void readinessIncludesKafkaRedisAndTheReplyConsumer() {
    JsonNode components = management.get("/actuator/health/readiness").body().get("components");

    assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("redis").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("replyConsumer").get("status").asString()).isEqualTo("UP");
    assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
  }

  @Test
  void acceptedReplyAnswers200() {
    String tag = tag("ok");

    Http.Answer answer = http.post("/api/occupation/tomar", tomar(tag));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("success").asBoolean()).isTrue();
    assertThat(answer.body().get("tag_spool").asString()).isEqualTo(tag);
    assertThat(answer.body().get("version").asLong()).isEqualTo(1);
    assertThat(responder.received)
        .filteredOn(c -> c.tagSpool().equals(tag))
        .singleElement()
        .isInstanceOfSatisfying(
            OccupationCommand.Tomar.class, t -> assertThat(t.worker().token()).isEqualTo("JP(94)"));
  }

  @Test
  void metrologyByAWorkerWithoutTheRoleIsRefusedByTheApiWithDefaultSettings() {
    String tag = tag("rol");

    Http.Answer answer =
        http.post(
            "/api/metrologia/completar",
            "{\"tag_spool\":\"" + tag + "\"," + WORKER + ",\"resultado\":\"APROBADO\"}");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body().get("code").asString()).isEqualTo("ROL_NO_AUTORIZADO");
    // The responder accepts whatever reaches it: a 403 means the command was never published.
    Http.Answer repair =
        http.post("/api/tomar-reparacion", "{\"tag_spool\":\"" + tag + "\",\"worker_id\":94}");
    assertThat(repair.status()).isEqualTo(200);
    assertThat(responder.received)
        .filteredOn(c -> c.tagSpool().equals(tag))
        .singleElement()
        .isInstanceOf(OccupationCommand.Tomar.class);
  }

  @Test
  void rejectedReplyAnswers409Problem() {
    String tag = tag("busy");
    responder.rejectAsOccupied(tag, "MR(12)");

    Http.Answer answer = http.post("/api/occupation/tomar", tomar(tag));

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.body().get("code").asString()).isEqualTo("SPOOL_OCCUPIED");
    assertThat(answer.body().get("ocupado_por").asString()).isEqualTo("MR(12)");
    assertThat(answer.body().get("tag_spool").asString()).isEqualTo(tag);
  }

  @Test
  void silentProcessorGives202ThenTheOutcomeResourceShowsTheRecordedReply() {
    String tag = tag("slow");
    responder.stayQuietFor(tag);

    Http.Answer answer = http.post("/api/occupation/tomar", tomar(tag));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().get("status").asString()).isEqualTo("PENDIENTE");
    String location = answer.header("Location");
    UUID commandId = UUID.fromString(answer.body().get("command_id").asString());
    assertThat(location).isEqualTo("/api/occupation/commands/" + tag + "/" + commandId);
    assertThat(http.get(location).status()).isEqualTo(202);

    // The processor decides late and records the outcome and the spool's state in Redis.
    OccupationCommand command =
        responder.received.stream()
            .filter(c -> c.commandId().equals(commandId))
            .findFirst()
            .orElseThrow();
    CommandReply reply = TestResponder.accepted(command, 1);
    String commandKey = StoreLayout.commandKey(tag, commandId);
    String spoolKey = StoreLayout.spoolKey(tag);
    redisKeys.addAll(List.of(commandKey, spoolKey));
    redis.opsForHash().put(commandKey, StoreLayout.F_REPLY, codec.writeString(reply));
    redis
        .opsForHash()
        .putAll(
            spoolKey,
            Map.of(
                StoreLayout.F_VERSION, "1",
                StoreLayout.F_OCUPADO_POR, "JP(94)",
                StoreLayout.F_OPERACION, "ARM",
                StoreLayout.F_FECHA_OCUPACION, "2026-11-27T12:30:00Z"));

    Http.Answer outcome = http.get(location);
    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.body().get("success").asBoolean()).isTrue();
    assertThat(outcome.body().get("version").asLong()).isEqualTo(1);
  }

  @Test
  void statusOfATagNotInTheCatalogIsNotFound() {
    // The read model answers status; the earlier Redis read said "free at version 0" for any tag.
    Http.Answer status = http.get("/api/occupation/status/" + tag("fresh"));

    assertThat(status.status()).isEqualTo(404);
    assertThat(status.body().get("code").asString()).isEqualTo("SPOOL_NO_ENCONTRADO");
  }

  @Test
  void batchOfTenWithThreeRejectedReportsSevenAndThree() {
    List<String> tags = IntStream.range(0, 10).mapToObj(i -> tag("b" + i)).toList();
    Set<String> rejected = Set.of(tags.get(1), tags.get(4), tags.get(8));
    rejected.forEach(t -> responder.rejectAsOccupied(t, "MR(12)"));
    String list = tags.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(","));

    Http.Answer answer =
        http.post(
            "/api/occupation/batch-tomar",
            "{\"tag_spools\":[" + list + "]," + WORKER + ",\"operacion\":\"ARM\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("total").asInt()).isEqualTo(10);
    assertThat(answer.body().get("succeeded").asInt()).isEqualTo(7);
    assertThat(answer.body().get("failed").asInt()).isEqualTo(3);
    List<String> failed = new ArrayList<>();
    for (JsonNode detail : answer.body().get("details")) {
      if (!detail.get("success").asBoolean()) {
        failed.add(detail.get("tag_spool").asString());
        assertThat(detail.get("code").asString()).isEqualTo("SPOOL_OCCUPIED");
      }
    }
    assertThat(failed).containsExactlyInAnyOrderElementsOf(rejected);
  }

  @Test
  void retryWithTheSameIdempotencyKeyCarriesTheSameCommandId() {
    String tag = tag("idem");
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < 2; i++) {
      Http.Answer answer = http.post("/api/occupation/tomar", tomar(tag), "Idempotency-Key", key);
      assertThat(answer.status()).isEqualTo(200);
    }

    UUID expected =
        UUID.nameUUIDFromBytes(
            ("idem:" + tabletId + ":" + key + ":" + tag)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(responder.received)
        .filteredOn(c -> c.tagSpool().equals(tag))
        .extracting(OccupationCommand::commandId)
        .containsExactly(expected, expected);
  }

  @Test
  void adminReleaseNeedsTheTokenAndPublishesLiberar() {
    String tag = tag("adm");

    assertThat(new Http(port).post("/api/admin/occupation/" + tag + "/release", "{}").status())
        .isEqualTo(401);
    assertThat(http.post("/api/admin/occupation/" + tag + "/release", "{}").status())
        .as("a tablet credential on a supervisor route")
        .isEqualTo(403);
    assertThat(responder.received).noneMatch(c -> c.tagSpool().equals(tag));

    Http.Answer answer =
        http.post(
            "/api/admin/occupation/" + tag + "/release",
            "{\"motivo\":\"turno terminado\"}",
            "Authorization",
            "Bearer it-token");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(responder.received)
        .filteredOn(c -> c.tagSpool().equals(tag))
        .singleElement()
        .isInstanceOfSatisfying(
            OccupationCommand.LiberarOcupacion.class,
            l -> {
              assertThat(l.admin()).isEqualTo("admin");
              assertThat(l.motivo()).isEqualTo("turno terminado");
            });
  }

  @Test
  void metricsAndOpenApiAreExposed() {
    http.post("/api/occupation/tomar", tomar(tag("m")));

    Http.Answer prometheus = management.get("/actuator/prometheus");
    assertThat(prometheus.status()).isEqualTo(200);
    assertThat(prometheus.raw().body())
        .contains("zeues_api_command_outcomes_total")
        .contains("http_server_requests");

    Http.Answer docs = http.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.raw().body())
        .contains("/api/occupation/tomar")
        .contains("tag_spool")
        .contains("worker_nombre")
        .contains("BatchTomarResult");
    // The request fields' examples and allowed values come from the composed constraints.
    JsonNode tomar = docs.body().at("/components/schemas/TomarRequest/properties");
    assertThat(tomar.at("/tag_spool/example").asString()).isEqualTo("MK-1335-CW-25238-011");
    assertThat(tomar.at("/worker_nombre/example").asString()).isEqualTo("MR(93)");
    assertThat(tomar.at("/operacion/enum").toString()).contains("REPARACION");
    assertThat(http.get("/swagger-ui.html").status()).isIn(200, 302);
  }

  @Test
  void theEventStreamContractIsServedAtAStableUrl() {
    Http.Answer asyncApi = http.get("/asyncapi/zeues-occupation.yaml");
    assertThat(asyncApi.status()).isEqualTo(200);
    assertThat(asyncApi.raw().body()).contains("asyncapi: 3.0.0").contains("occupation.events");

    Http.Answer schema = http.get("/schemas/event/SpoolTomado.schema.json");
    assertThat(schema.status()).isEqualTo(200);
    assertThat(schema.raw().body()).contains("SpoolTomado");
  }

  @Test
  void unknownRouteIsA404Problem() {
    Http.Answer answer = http.get("/api/occupation/nada");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().get("code").asString()).isEqualTo("RUTA_NO_ENCONTRADA");
  }
}
