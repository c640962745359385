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
 * the API port.
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
