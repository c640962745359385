package cl.zeues.occupation.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.api.security.Caller;
import cl.zeues.occupation.api.security.CallerAuthentication;
import cl.zeues.occupation.api.security.Role;
import cl.zeues.occupation.api.web.ApiProblemException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The route asks the projector with the service token and the supervisor's name, and answers what
 * the projector answered; a JDK HTTP server on loopback stands in for the projector (the
 * projector's own acceptance of the token is {@code CatalogImportIT}'s).
 */
class CatalogImportControllerTest {

  private static final String TOKEN = "service-token-abc";

  private final Map<String, String> asked = new ConcurrentHashMap<>();
  private HttpServer projector;

  @BeforeEach
  void startProjectorStandIn() throws IOException {
    projector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    projector.createContext(
        "/api/catalog/import",
        exchange -> {
          asked.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
          asked.put("actor", exchange.getRequestHeaders().getFirst("X-Zeues-Actor"));
          byte[] body = "{\"outcome\":\"SUCCESS\",\"upserts\":3}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    projector.start();
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/api/admin/catalog/import");
    request.setUserPrincipal(
        new CallerAuthentication(new Caller("7f3c", "María Supervisora", Role.SUPERVISOR)));
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }

  @AfterEach
  void stop() {
    RequestContextHolder.resetRequestAttributes();
    projector.stop(0);
  }

  @Test
  void asksTheProjectorOnTheSupervisorsBehalfAndRelaysItsAnswer() {
    ResponseEntity<String> answer = controller(projectorUrl(), TOKEN).importNow();

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getBody()).isEqualTo("{\"outcome\":\"SUCCESS\",\"upserts\":3}");
    assertThat(asked.get("authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(URLDecoder.decode(asked.get("actor"), StandardCharsets.UTF_8))
        .isEqualTo("María Supervisora (SUPERVISOR 7f3c)");
  }

  @Test
  void withoutAConfiguredProjectorItAnswers503AndAsksNobody() {
    assertThatThrownBy(() -> controller(null, TOKEN).importNow())
        .isInstanceOfSatisfying(
            ApiProblemException.class,
            e -> assertThat(e.code()).isEqualTo("IMPORTACION_NO_CONFIGURADA"));
    assertThatThrownBy(() -> controller(projectorUrl(), null).importNow())
        .isInstanceOf(ApiProblemException.class);
    assertThat(asked).isEmpty();
  }

  @Test
  void anUnreachableProjectorIs503WithRetryAfter() {
    URI closed = projectorUrl();
    projector.stop(0);
    assertThatThrownBy(() -> controller(closed, TOKEN).importNow())
        .isInstanceOfSatisfying(
            ApiProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo("PROYECTOR_NO_DISPONIBLE");
              assertThat(e.retryAfter()).isPresent();
            });
  }

  private URI projectorUrl() {
    return URI.create(
        "http://127.0.0.1:" + projector.getAddress().getPort() + "/api/catalog/import");
  }

  private static CatalogImportController controller(URI url, String token) {
    return new CatalogImportController(
        new CatalogImportSettings(url, token, null, Duration.ofSeconds(5)));
  }
}
