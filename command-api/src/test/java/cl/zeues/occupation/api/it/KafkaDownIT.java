package cl.zeues.occupation.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

/** With the broker gone, a command is a quick 503 problem and the instance reports not ready. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=command-api",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "zeues.api.publish-timeout=2s",
      // The bootstrap token authenticates without Kafka, so the 503 is the broker's, not the 401.
      "zeues.security.bootstrap-admin-token=down-token"
    })
@EmbeddedKafka(
    partitions = 6,
    topics = {"occupation.commands", "occupation.replies", "workers.catalog"})
@DirtiesContext
class KafkaDownIT {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired EmbeddedKafkaBroker broker;

  @Test
  void stoppedBrokerGives503QuicklyAndNotReady() {
    WorkerCatalog.publish(broker.getBrokersAsString(), WorkerCatalog.JUAN_PEREZ);
    Http http = new Http(port).withToken("down-token");
    Http management = new Http(managementPort);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200));

    broker.destroy();

    String tag = "IT-down-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Answer answer =
        assertTimeoutPreemptively(
            Duration.ofSeconds(15),
            () ->
                http.post(
                    "/api/occupation/tomar",
                    "{\"tag_spool\":\""
                        + tag
                        + "\",\"worker_id\":94,\"worker_nombre\":\"Juan Perez\","
                        + "\"operacion\":\"ARM\"}"));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.body().get("code").asString()).isEqualTo("KAFKA_NO_DISPONIBLE");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(503));

    // Unknown tokens with the broker gone: still 401, the first after one bounded catch-up (the
    // health timeout), the others from memory (zeues.api.unknown-key-ttl).
    long[] millis = new long[10];
    for (int i = 0; i < millis.length; i++) {
      Http stranger = new Http(port).withToken("desconocido-" + UUID.randomUUID());
      long start = System.nanoTime();
      Http.Answer refused =
          assertTimeoutPreemptively(Duration.ofSeconds(15), () -> stranger.get(STATUS));
      millis[i] = (System.nanoTime() - start) / 1_000_000;
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.body().get("code").asString()).isEqualTo("CREDENCIAL_INVALIDA");
    }
    System.out.println(
        "unknown-token 401 latency with the broker down (ms, 10 distinct tokens in order): "
            + java.util.Arrays.toString(millis));
  }

  private static final String STATUS = "/api/occupation/status/IT-down-1";
}
