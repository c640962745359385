package cl.zeues.occupation.views.web;

import cl.zeues.occupation.views.model.SpoolQueries;
import cl.zeues.occupation.views.model.SpoolQueries.Read;
import cl.zeues.occupation.views.model.SpoolRow;
import cl.zeues.occupation.views.web.Bodies.History;
import cl.zeues.occupation.views.web.Bodies.OccupiedSpool;
import cl.zeues.occupation.views.web.Bodies.Workers;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Workers, the dashboard and a spool's history (domain-facts 6.3/6.4), answered from the view. */
@RestController
class OccupationReadsController {

  private final SpoolQueries queries;

  OccupationReadsController(SpoolQueries queries) {
    this.queries = queries;
  }

  /** The active workers, with their roles. */
  @GetMapping("/api/workers")
  Workers workers() {
    var workers = queries.activeWorkers().stream().map(Bodies::worker).toList();
    return new Workers(workers, workers.size());
  }

  /** Who holds what right now, the most recently taken first. */
  @GetMapping("/api/dashboard/occupied")
  ResponseEntity<List<OccupiedSpool>> occupied() {
    Read<List<SpoolRow>> read = queries.occupiedNewestFirst();
    return Inputs.answer(read.value().stream().map(Bodies::occupied).toList(), read.stale());
  }

  /** A spool's occupations, oldest first: who, which operation, from when to when, how it ended. */
  @GetMapping("/api/history/{tag_spool}")
  ResponseEntity<History> history(@PathVariable("tag_spool") String tagSpool) {
    String tag = Inputs.tag("tag_spool", tagSpool);
    Read<Optional<SpoolRow>> read = queries.spool(tag);
    SpoolRow row = read.value().orElseThrow(() -> ViewProblemException.spoolNotFound(tag));
    return Inputs.answer(Bodies.history(row.view()), read.stale());
  }
}
