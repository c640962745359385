package cl.zeues.occupation.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Worker PINs on ({@code zeues.security.worker-pins-file}) against the real app and broker: a
 * device acting as a worker must send that worker's PIN in {@code X-Worker-Pin} on every command
 * route; nothing is published for a refused one.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=command-api",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "zeues.api.reply-timeout=2s",
      "zeues.security.bootstrap-admin-token=pin-admin-token",
      "zeues.security.rate-limit.pin-failures=3"
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
class WorkerPinIT {

  /** Worker A, whose tablet this is. */
  static final WorkerCatalogEntry MARIA =
      new WorkerCatalogEntry(93, "Maria", "Rodriguez", true, List.of("Armador", "Metrologia"));

  static final String MARIA_PIN = "4711";
  static final String JUAN_PIN = "0815";

  @DynamicPropertySource
  static void pinFile(DynamicPropertyRegistry registry) throws IOException {
    Path file = Files.createTempFile("worker-pins", ".properties");
    file.toFile().deleteOnExit();
    Files.writeString(
        file,
        "# worker_id={sha256}<hex of the PIN's SHA-256>\n"
            + "93={sha256}"
            + sha256(MARIA_PIN)
            + "\n94={sha256}"
            + sha256(JUAN_PIN)
            + "\n");
    registry.add("zeues.security.worker-pins-file", file::toString);
  }

  static String sha256(String pin) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(pin.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired EmbeddedKafkaBroker broker;

  private TestResponder responder;
  private Http admin;

  @BeforeAll
  void startResponderAndAwaitReadiness() {
    responder = new TestResponder(broker.getBrokersAsString());
    WorkerCatalog.publish(broker.getBrokersAsString(), MARIA, WorkerCatalog.JUAN_PEREZ);
    Http management = new Http(managementPort);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200));
    admin = new Http(port).withToken("pin-admin-token");
  }

  @AfterAll
  void stopResponder() throws InterruptedException {
    responder.close();
  }

  private Http tablet(String name) {
    Http.Answer issued =
        admin.post("/api/admin/credentials", "{\"name\":\"" + name + "\",\"role\":\"TABLET\"}");
    assertThat(issued.status()).isEqualTo(201);
    return new Http(port).withToken(issued.body().get("token").asString());
  }

  private static String tag() {
    return "PIN-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String tomar(String tag, int worker) {
    return "{\"tag_spool\":\"" + tag + "\",\"worker_id\":" + worker + ",\"operacion\":\"ARM\"}";
  }

  private boolean published(String tag) {
    return responder.received.stream().map(OccupationCommand::tagSpool).anyMatch(tag::equals);
  }

  @Test
  void aDeviceActingAsAnotherWorkerNeedsThatWorkersPin() {
    Http mariasTablet = tablet("tablet-maria");
    String tag = tag();

    Http.Answer without = mariasTablet.post("/api/occupation/tomar", tomar(tag, 94));
    Http.Answer withMariasPin =
        mariasTablet.post("/api/occupation/tomar", tomar(tag, 94), "X-Worker-Pin", MARIA_PIN);

    assertThat(without.status()).isEqualTo(403);
    assertThat(without.header("Content-Type")).startsWith("application/problem+json");
    assertThat(without.body().get("code").asString()).isEqualTo("PIN_REQUERIDO");
    assertThat(withMariasPin.status()).isEqualTo(403);
    assertThat(withMariasPin.body().get("code").asString()).isEqualTo("PIN_INCORRECTO");
    assertThat(published(tag)).as("nothing published for a refused PIN").isFalse();

    Http.Answer withJuansPin =
        mariasTablet.post("/api/occupation/tomar", tomar(tag, 94), "X-Worker-Pin", JUAN_PIN);

    assertThat(withJuansPin.status()).isEqualTo(200);
    assertThat(published(tag)).isTrue();
  }

  @Test
  void everyRouteThatMakesAWorkerActAsksForThePin() {
    Http tablet = tablet("tablet-routes");
    String tag = tag();
    String worker = "\"tag_spool\":\"" + tag + "\",\"worker_id\":93";
    List<String[]> routes =
        List.of(
            new String[] {"/api/occupation/tomar", "{" + worker + ",\"operacion\":\"ARM\"}"},
            new String[] {"/api/occupation/pausar", "{" + worker + "}"},
            new String[] {"/api/occupation/completar", "{" + worker + "}"},
            new String[] {"/api/occupation/cancelar", "{" + worker + "}"},
            new String[] {
              "/api/occupation/batch-tomar",
              "{\"tag_spools\":[\"" + tag + "\"],\"worker_id\":93,\"operacion\":\"ARM\"}"
            },
            new String[] {
              "/api/metrologia/completar", "{" + worker + ",\"resultado\":\"APROBADO\"}"
            },
            new String[] {"/api/tomar-reparacion", "{" + worker + "}"},
            new String[] {"/api/pausar-reparacion", "{" + worker + "}"},
            new String[] {"/api/completar-reparacion", "{" + worker + "}"},
            new String[] {"/api/cancelar-reparacion", "{" + worker + "}"});

    for (String[] route : routes) {
      Http.Answer answer = tablet.post(route[0], route[1]);
      assertThat(answer.status()).as(route[0]).isEqualTo(403);
      assertThat(answer.body().get("code").asString()).as(route[0]).isEqualTo("PIN_REQUERIDO");
    }
    assertThat(published(tag)).isFalse();

    for (String[] route : routes) {
      assertThat(tablet.post(route[0], route[1], "X-Worker-Pin", MARIA_PIN).status())
          .as(route[0] + " with the PIN")
          .isNotIn(401, 403, 429);
    }
    assertThat(published(tag)).isTrue();
  }

  @Test
  void wrongPinsAreCountedAndLimitedPerDevice() {
    Http guesser = tablet("tablet-guesser");
    for (int i = 0; i < 3; i++) {
      Http.Answer wrong =
          guesser.post("/api/occupation/tomar", tomar(tag(), 94), "X-Worker-Pin", "000" + i);
      assertThat(wrong.body().get("code").asString()).isEqualTo("PIN_INCORRECTO");
    }

    Http.Answer limited =
        guesser.post("/api/occupation/tomar", tomar(tag(), 94), "X-Worker-Pin", JUAN_PIN);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
    assertThat(limited.body().get("code").asString()).isEqualTo("PIN_INTENTOS_EXCEDIDOS");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 300L);
    assertThat(
            tablet("tablet-honest")
                .post("/api/occupation/tomar", tomar(tag(), 94), "X-Worker-Pin", JUAN_PIN)
                .status())
        .as("another device is not limited")
        .isEqualTo(200);
    assertThat(new Http(managementPort).get("/actuator/prometheus").raw().body())
        .containsPattern("zeues_api_worker_pin_refusals_total\\{[^}]*reason=\"PIN_INCORRECTO\"")
        .containsPattern(
            "zeues_api_worker_pin_refusals_total\\{[^}]*reason=\"PIN_INTENTOS_EXCEDIDOS\"");
  }

  @Test
  void aBodyWithoutAWorkerIdIsStillABadRequest() {
    Http.Answer answer =
        tablet("tablet-bad").post("/api/occupation/tomar", "{\"tag_spool\":\"X-1\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("code").asString()).isEqualTo("SOLICITUD_INVALIDA");
  }
}
