package cl.zeues.occupation.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The API's identity against the real app and a real broker: device credentials issued, used and
 * revoked through the admin routes, roles on the supervisor and admin routes, and actuator kept off
 * the API port. Worker PINs ({@link WorkerPinIT}) and the request limits ({@link RequestLimitsIT})
 * need settings of their own, so their own contexts.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=command-api",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "zeues.api.reply-timeout=200ms",
      "zeues.security.bootstrap-admin-token=sec-admin-token"
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
class SecurityIT {

  private static final String STATUS = "/api/occupation/status/SEC-1";
  private static final String RELEASE = "/api/admin/occupation/SEC-1/release";

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  private Http anonymous;
  private Http admin;

  @BeforeAll
  void awaitReadiness() {
    anonymous = new Http(port);
    admin = anonymous.withToken("sec-admin-token");
    Http management = new Http(managementPort);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> management.get("/actuator/health/liveness").status() == 200);
  }

  private Http issue(String name, String role) {
    Http.Answer issued =
        admin.post(
            "/api/admin/credentials", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.body().get("token").asString()).hasSizeGreaterThanOrEqualTo(43);
    return anonymous.withToken(issued.body().get("token").asString());
  }

  @Test
  void aRequestWithoutCredentialIs401() {
    Http.Answer answer = anonymous.get(STATUS);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(answer.body().get("code").asString()).isEqualTo("CREDENCIAL_REQUERIDA");
    assertThat(anonymous.post(RELEASE, "{}").body().get("code").asString())
        .isEqualTo("CREDENCIAL_REQUERIDA");
  }

  @Test
  void aBoardMayPassItsTokenInTheQueryOnlyForItsReads() {
    Http.Answer issued =
        admin.post("/api/admin/credentials", "{\"name\":\"tablero\",\"role\":\"TABLET\"}");
    String token = issued.body().get("token").asString();

    assertThat(anonymous.get("/api/workers?access_token=" + token).status()).isEqualTo(200);
    assertThat(anonymous.get("/api/workers?access_token=adivina").status()).isEqualTo(401);
    assertThat(anonymous.get(STATUS + "?access_token=" + token).status()).isEqualTo(401);
    assertThat(anonymous.post(RELEASE + "?access_token=" + token, "{}").status()).isEqualTo(401);
  }

  @Test
  void anUnknownTokenIs401() {
    Http.Answer answer = anonymous.withToken("adivina").get(STATUS);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("code").asString()).isEqualTo("CREDENCIAL_INVALIDA");
  }

  @Test
  void everyUnknownTokenIs401AndTheLatencyIsPrinted() {
    String repeated = "desconocido-" + java.util.UUID.randomUUID();
    long[] firstSeen = new long[20];
    long[] repeats = new long[20];
    for (int i = 0; i < firstSeen.length; i++) {
      firstSeen[i] = timed401(anonymous.withToken("desconocido-" + java.util.UUID.randomUUID()));
    }
    timed401(anonymous.withToken(repeated));
    // Interleaved with the floor (no token at all: a 401 without any lookup) so both see the same
    // machine load.
    long[] noToken = new long[20];
    for (int i = 0; i < repeats.length; i++) {
      repeats[i] = timed401(anonymous.withToken(repeated));
      long start = System.nanoTime();
      assertThat(anonymous.get(STATUS).status()).isEqualTo(401);
      noToken[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(firstSeen);
    java.util.Arrays.sort(repeats);
    java.util.Arrays.sort(noToken);
    // Printed, never asserted: the figure depends on the machine.
    System.out.printf(
        "unknown-token 401 latency (ms): distinct tokens p50 %.1f max %.1f;"
            + " the same token again p50 %.1f max %.1f; no token (floor) p50 %.1f max %.1f%n",
        firstSeen[10] / 1e6,
        firstSeen[19] / 1e6,
        repeats[10] / 1e6,
        repeats[19] / 1e6,
        noToken[10] / 1e6,
        noToken[19] / 1e6);
  }

  private long timed401(Http client) {
    long start = System.nanoTime();
    Http.Answer answer = client.get(STATUS);
    long elapsed = System.nanoTime() - start;
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("code").asString()).isEqualTo("CREDENCIAL_INVALIDA");
    return elapsed;
  }

  @Test
  void anIssuedTabletCredentialReachesTabletRoutesButNotAdminOnes() {
    Http tablet = issue("tablet-a", "TABLET");

    assertThat(tablet.get(STATUS).status()).isNotIn(401, 403);

    Http.Answer release = tablet.post(RELEASE, "{}");
    assertThat(release.status()).isEqualTo(403);
    assertThat(release.body().get("code").asString()).isEqualTo("ROL_REQUERIDO");
    assertThat(release.body().get("rol_requerido").asString()).isEqualTo("SUPERVISOR");
  }

  @Test
  void aSupervisorMayReleaseButNotManageCredentials() {
    Http supervisor = issue("supervisora-b", "SUPERVISOR");

    assertThat(supervisor.post(RELEASE, "{}").status()).isNotIn(401, 403);
    Http.Answer manage =
        supervisor.post("/api/admin/credentials", "{\"name\":\"x\",\"role\":\"TABLET\"}");
    assertThat(manage.status()).isEqualTo(403);
    assertThat(manage.body().get("rol_requerido").asString()).isEqualTo("ADMIN");
  }

  @Test
  void aRevokedCredentialIs401AndTheListShowsNoSecrets() {
    Http.Answer issued =
        admin.post("/api/admin/credentials", "{\"name\":\"tablet-c\",\"role\":\"TABLET\"}");
    String id = issued.body().get("id").asString();
    Http tablet = anonymous.withToken(issued.body().get("token").asString());
    assertThat(tablet.get(STATUS).status()).isNotIn(401, 403);

    assertThat(admin.post("/api/admin/credentials/" + id + "/revoke", "").status()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(tablet.get(STATUS).status()).isEqualTo(401));
    assertThat(tablet.get(STATUS).body().get("code").asString()).isEqualTo("CREDENCIAL_INVALIDA");
    Http.Answer list = admin.get("/api/admin/credentials");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.raw().body())
        .contains("tablet-c")
        .doesNotContain("token")
        .doesNotContain(issued.body().get("token").asString());
  }

  @Test
  void actuatorIsNotOnTheApiPort() throws IOException {
    assertThat(managementPort).isNotEqualTo(port);
    assertThat(anonymous.get("/actuator/health").status()).isEqualTo(404);
    assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(404);
    // The management port answers, on the loopback address only (management.server.address).
    try (Socket socket = new Socket("127.0.0.1", managementPort)) {
      assertThat(socket.isConnected()).isTrue();
    }
    Http.Answer health = new Http(managementPort).get("/actuator/health");
    assertThat(health.status()).isIn(200, 503);
    assertThat(health.body().has("components")).as("details only when authorized").isFalse();
  }
}
