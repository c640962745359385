package cl.zeues.occupation.views.web;

import cl.zeues.occupation.views.model.SpoolQueries;
import cl.zeues.occupation.views.model.SpoolQueries.Read;
import cl.zeues.occupation.views.model.SpoolRow;
import cl.zeues.occupation.views.web.Bodies.SpoolStatus;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/occupation/status/{tag}} from the view: 404 {@code SPOOL_NO_ENCONTRADO} for a tag
 * neither the catalog nor the log knows. Registered on its own (setting {@code
 * zeues.views.status-route}) because the host may still serve the same path another way.
 */
@RestController
class SpoolStatusController {

  static final String PATH = "/api/occupation/status/{tag_spool}";

  private final SpoolQueries queries;

  SpoolStatusController(SpoolQueries queries) {
    this.queries = queries;
  }

  @GetMapping(PATH)
  ResponseEntity<SpoolStatus> status(@PathVariable("tag_spool") String tagSpool) {
    String tag = Inputs.tag("tag_spool", tagSpool);
    Read<Optional<SpoolRow>> read = queries.spool(tag);
    SpoolRow row = read.value().orElseThrow(() -> ViewProblemException.spoolNotFound(tag));
    return Inputs.answer(Bodies.status(row), read.stale());
  }
}
