package cl.zeues.occupation.projector.catalog.web;

import cl.zeues.occupation.projector.catalog.CatalogImporter;
import cl.zeues.occupation.projector.catalog.ImportSummary;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * <p>Only a caller on this machine may ask (403 {@code IMPORTACION_SOLO_LOCAL} otherwise): an
 * import republishes the workers and spools every decision trusts, so it is an administrator's act,
 * and whoever has a shell on the projector's host is one. The address judged is the TCP peer's (the
 * projector pins {@code server.forward-headers-strategy: none}, so no {@code X-Forwarded-For} can
 * pose as loopback). The scheduled import needs no caller.
 */
@RestController
class CatalogImportController {

  private final CatalogImporter importer;

  CatalogImportController(CatalogImporter importer) {
    this.importer = importer;
  }

  @PostMapping("/api/catalog/import")
  ResponseEntity<?> importNow(HttpServletRequest request) {
    if (!fromThisMachine(request.getRemoteAddr())) {
      ProblemDetail refused =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.FORBIDDEN,
              "La importación del catálogo solo se pide desde el host del proyector (127.0.0.1);"
                  + " llegó desde "
                  + request.getRemoteAddr());
      refused.setTitle("Catalog import is local only");
      refused.setProperty("code", "IMPORTACION_SOLO_LOCAL");
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(refused);
    }
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

  /** A loopback peer. The servlet container gives the peer as an IP literal: no DNS lookup. */
  static boolean fromThisMachine(String remoteAddress) {
    try {
      return InetAddress.getByName(remoteAddress).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
