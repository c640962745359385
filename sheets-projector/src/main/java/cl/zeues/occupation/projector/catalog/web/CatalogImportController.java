package cl.zeues.occupation.projector.catalog.web;

import cl.zeues.occupation.projector.catalog.CatalogImporter;
import cl.zeues.occupation.projector.catalog.ImportSummary;
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
 */
@RestController
class CatalogImportController {

  private final CatalogImporter importer;

  CatalogImportController(CatalogImporter importer) {
    this.importer = importer;
  }

  @PostMapping("/api/catalog/import")
  ResponseEntity<?> importNow() {
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
