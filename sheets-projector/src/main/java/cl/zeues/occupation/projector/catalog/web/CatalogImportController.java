package cl.zeues.occupation.projector.catalog.web;

import cl.zeues.occupation.projector.catalog.CatalogImporter;
import cl.zeues.occupation.projector.catalog.CatalogSettings;
import cl.zeues.occupation.projector.catalog.ImportSummary;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/catalog/import}: runs an import now (waiting for a scheduled one in progress).
 * 200 with the {@link ImportSummary} when it ran, even partially; 503 with a problem detail ({@code
 * code} {@code CATALOG_IMPORT_FAILED}, the summary in {@code summary}) when the sheets or Kafka
 * failed.
 *
 * <p>An import republishes the workers and spools every decision trusts, so only two callers may
 * ask (403 {@code IMPORTACION_SOLO_LOCAL} otherwise): one on this machine (whoever has a shell on
 * the projector's host is an administrator; the address judged is the TCP peer's, and the projector
 * pins {@code server.forward-headers-strategy: none}, so no {@code X-Forwarded-For} can pose as
 * loopback), and the command-api with its service token ({@code zeues.catalog.import-token}) on
 * behalf of the supervisor it names in {@code X-Zeues-Actor}, who is logged. The scheduled import
 * needs no caller.
 */
@RestController
class CatalogImportController {

  private static final Logger log = LoggerFactory.getLogger(CatalogImportController.class);

  private final CatalogImporter importer;
  private final ImportCallers callers;

  CatalogImportController(CatalogImporter importer, CatalogSettings settings) {
    this.importer = importer;
    this.callers = new ImportCallers(settings.importServiceToken().orElse(null));
  }

  @PostMapping("/api/catalog/import")
  ResponseEntity<?> importNow(HttpServletRequest request) {
    Optional<String> caller = callers.who(request);
    if (caller.isEmpty()) {
      ProblemDetail refused =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.FORBIDDEN,
              "La importación del catálogo se pide desde el host del proyector (127.0.0.1) o por"
                  + " la API (POST /api/admin/catalog/import, rol SUPERVISOR); llegó desde "
                  + request.getRemoteAddr());
      refused.setTitle("Catalog import is local only");
      refused.setProperty("code", "IMPORTACION_SOLO_LOCAL");
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(refused);
    }
    log.info("catalog import asked by {}", caller.get());
    ImportSummary summary = importer.importNow();
    if (summary.outcome() != ImportSummary.Outcome.FAILED) {
      return ResponseEntity.ok(summary);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, String.join("; ", summary.problems()));
    problem.setTitle("Catalog import failed");
    problem.setProperty("code", "CATALOG_IMPORT_FAILED");
    problem.setProperty("summary", summary);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
  }
}
