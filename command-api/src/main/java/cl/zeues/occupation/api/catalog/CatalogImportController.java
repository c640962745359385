package cl.zeues.occupation.api.catalog;

import cl.zeues.occupation.api.security.Caller;
import cl.zeues.occupation.api.security.Callers;
import cl.zeues.occupation.api.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/catalog/import} (SUPERVISOR or ADMIN, as every {@code /api/admin} route):
 * asks the projector to import the sheets now, with the API's service token and the supervisor's
 * name and credential id in {@code X-Zeues-Actor} (percent-encoded UTF-8), and answers what the
 * projector answered (its import summary, or its problem). 503 {@code IMPORTACION_NO_CONFIGURADA}
 * when no projector is configured, 503 {@code PROYECTOR_NO_DISPONIBLE} when it cannot be reached or
 * does not answer in time.
 */
@RestController
@Tag(name = "admin", description = "Importación del catálogo (rol SUPERVISOR o ADMIN)")
class CatalogImportController {

  static final String ACTOR_HEADER = "X-Zeues-Actor";
  private static final Logger log = LoggerFactory.getLogger(CatalogImportController.class);

  private final CatalogImportSettings settings;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  CatalogImportController(CatalogImportSettings settings) {
    this.settings = settings;
  }

  @Operation(
      summary = "Importa Trabajadores y Operaciones ahora, a nombre del supervisor",
      security = @SecurityRequirement(name = "bearer"))
  @PostMapping("/api/admin/catalog/import")
  ResponseEntity<String> importNow() {
    URI url = settings.url();
    String token = settings.serviceToken().orElse(null);
    if (url == null || url.toString().isBlank() || token == null) {
      throw new ApiProblemException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "IMPORTACION_NO_CONFIGURADA",
          "Esta API no tiene configurado el proyector (zeues.catalog-import.url y token)");
    }
    String actor = Callers.current().map(CatalogImportController::actor).orElse("desconocido");
    log.info("catalog import asked by {}", actor);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + token)
            // percent-encoded: a name may hold letters a header cannot carry as they are
            .header(ACTOR_HEADER, URLEncoder.encode(actor, StandardCharsets.UTF_8))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> answer;
    try {
      answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw unavailable("el proyector no respondió en " + settings.timeout());
    } catch (IOException e) {
      throw unavailable("el proyector no responde: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrumpido");
    }
    MediaType type =
        answer
            .headers()
            .firstValue("Content-Type")
            .map(MediaType::parseMediaType)
            .orElse(MediaType.APPLICATION_JSON);
    return ResponseEntity.status(answer.statusCode()).contentType(type).body(answer.body());
  }

  /** Who asked, as the projector logs it: the credential's name and id. */
  static String actor(Caller caller) {
    return caller.name() + " (" + caller.role() + " " + caller.id() + ")";
  }

  private static ApiProblemException unavailable(String detail) {
    return new ApiProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "PROYECTOR_NO_DISPONIBLE",
        "No se pudo pedir la importación: " + detail,
        Duration.ofSeconds(10));
  }
}
