package cl.zeues.occupation.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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

/**
 * The API's limits against the real app and broker, set low here: a device over its request budget
 * gets 429 with Retry-After, and commands over {@code max-in-flight} get 503 with Retry-After
 * instead of growing the pending replies.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=command-api",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "zeues.api.reply-timeout=4s",
      "zeues.api.max-in-flight=2",
      "zeues.security.bootstrap-admin-token=limits-admin-token",
      "zeues.security.rate-limit.requests=5",
      "zeues.security.rate-limit.period=1m"
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
class RequestLimitsIT {

  private static final String STATUS = "/api/occupation/status/LIM-1";

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired EmbeddedKafkaBroker broker;

  private TestResponder responder;
  private Http admin;

  @BeforeAll
  void startResponderAndAwaitReadiness() {
    responder = new TestResponder(broker.getBrokersAsString());
    WorkerCatalog.publish(broker.getBrokersAsString(), WorkerCatalog.JUAN_PEREZ);
    Http management = new Http(managementPort);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200));
    admin = new Http(port).withToken("limits-admin-token");
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

  @Test
  void aDeviceOverItsBudgetIsToldWhenToRetryAndOtherDevicesGoOn() {
    Http busy = tablet("tablet-busy");
    for (int i = 0; i < 5; i++) {
      assertThat(busy.get(STATUS).status()).as("request %d", i + 1).isNotIn(401, 403, 429);
    }

    Http.Answer limited = busy.get(STATUS);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
    assertThat(limited.body().get("code").asString()).isEqualTo("DEMASIADAS_SOLICITUDES");
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 60L);
    System.out.printf(
        "rate limit: 5 answered, the 6th 429 DEMASIADAS_SOLICITUDES, Retry-After %d s%n",
        retryAfter);
    assertThat(tablet("tablet-quiet").get(STATUS).status()).isNotIn(401, 403, 429);
  }

  @Test
  void theBootstrapAdminTokenIsNotLimited() {
    for (int i = 0; i < 12; i++) {
      assertThat(admin.get(STATUS).status()).isNotIn(401, 403, 429);
    }
  }

  @Test
  void commandsOverMaxInFlightAreRefusedWith503UntilOneIsAnswered() {
    List<CompletableFuture<Http.Answer>> waiting = new ArrayList<>();
    List<String> quiet = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String tag = "LIM-Q-" + UUID.randomUUID().toString().substring(0, 8);
      responder.stayQuietFor(tag);
      quiet.add(tag);
      waiting.add(
          CompletableFuture.supplyAsync(() -> admin.post("/api/occupation/tomar", tomar(tag))));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                responder.received.stream().filter(c -> quiet.contains(c.tagSpool())).count() == 2);

    Http.Answer refused = admin.post("/api/occupation/tomar", tomar("LIM-OVER-1"));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.body().get("code").asString()).isEqualTo("DEMASIADOS_COMANDOS_EN_CURSO");
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(responder.received).noneMatch(c -> c.tagSpool().equals("LIM-OVER-1"));
    assertThat(new Http(managementPort).get("/actuator/prometheus").raw().body())
        .contains("zeues_api_commands_in_flight 2.0")
        .contains("zeues_api_commands_saturated_total 1.0");

    // the two quiet commands end in 202 at the reply timeout, and free their places
    assertThat(waiting).allSatisfy(w -> assertThat(w.join().status()).isEqualTo(202));
    assertThat(admin.post("/api/occupation/tomar", tomar("LIM-AFTER-1")).status()).isEqualTo(200);
  }

  private static String tomar(String tag) {
    return "{\"tag_spool\":\"" + tag + "\",\"worker_id\":94,\"operacion\":\"ARM\"}";
  }
}
