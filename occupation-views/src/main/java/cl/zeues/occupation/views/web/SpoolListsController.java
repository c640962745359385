package cl.zeues.occupation.views.web;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.views.model.SpoolQueries;
import cl.zeues.occupation.views.model.SpoolQueries.Batch;
import cl.zeues.occupation.views.model.SpoolQueries.Read;
import cl.zeues.occupation.views.model.SpoolRow;
import cl.zeues.occupation.views.web.Bodies.BatchError;
import cl.zeues.occupation.views.web.Bodies.BatchStatus;
import cl.zeues.occupation.views.web.Bodies.SpoolList;
import cl.zeues.occupation.views.web.ViewProblemException.FieldProblem;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The spool lists a tablet works from (domain-facts 6.4), answered from the view. */
@RestController
@RequestMapping("/api/spools")
class SpoolListsController {

  /** The earlier system's batch limit; its tablets chunk by 100. */
  static final int MAX_BATCH = 100;

  /** {@code {tags: [...]}}. */
  record BatchStatusRequest(@JsonProperty("tags") @Nullable List<@Nullable String> tags) {}

  private final SpoolQueries queries;

  SpoolListsController(SpoolQueries queries) {
    this.queries = queries;
  }

  /** What can be started now for {@code operacion} (see {@code StartFilters}). */
  @GetMapping("/iniciar")
  ResponseEntity<SpoolList> iniciar(
      @RequestParam(name = "operacion", required = false) @Nullable String operacion) {
    Operacion op = Inputs.operacion(operacion);
    Read<List<SpoolRow>> read = queries.startable(op);
    return Inputs.answer(Bodies.list(read.value(), queries.startableDescription(op)), read.stale());
  }

  /** The spools {@code worker_id} holds now, for {@code operacion} when given. */
  @GetMapping("/ocupados")
  ResponseEntity<SpoolList> ocupados(
      @RequestParam(name = "worker_id", required = false) @Nullable String workerId,
      @RequestParam(name = "operacion", required = false) @Nullable String operacion) {
    int id = Inputs.workerId(workerId);
    Operacion op = Inputs.optionalOperacion(operacion);
    Read<List<SpoolRow>> read = queries.heldBy(id, op);
    String filtro = "ocupados por el trabajador " + id + (op == null ? "" : " para " + op);
    return Inputs.answer(Bodies.list(read.value(), filtro), read.stale());
  }

  /** What can be taken for REPARACION now. */
  @GetMapping("/reparacion")
  ResponseEntity<SpoolList> reparacion() {
    Read<List<SpoolRow>> read = queries.startable(Operacion.REPARACION);
    return Inputs.answer(
        Bodies.list(read.value(), queries.startableDescription(Operacion.REPARACION)),
        read.stale());
  }

  /** Up to 100 spools at once, in the order asked; unknown tags listed under {@code errors}. */
  @PostMapping(path = "/batch-status", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<BatchStatus> batchStatus(@RequestBody BatchStatusRequest body) {
    List<String> tags = checkedTags(body.tags());
    Read<Batch> read = queries.batch(tags);
    List<BatchError> errors =
        read.value().notFound().stream()
            .map(
                tag ->
                    new BatchError(
                        tag, "SPOOL_NO_ENCONTRADO", "Spool " + tag + " no existe en el catálogo"))
            .toList();
    List<Bodies.SpoolStatus> spools = read.value().spools().stream().map(Bodies::status).toList();
    return Inputs.answer(new BatchStatus(spools, spools.size(), errors), read.stale());
  }

  private static List<String> checkedTags(@Nullable List<@Nullable String> tags) {
    if (tags == null || tags.isEmpty()) {
      throw ViewProblemException.invalid(
          List.of(new FieldProblem("tags", "obligatorio: entre 1 y " + MAX_BATCH + " tags")));
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (tags.size() > MAX_BATCH) {
      problems.add(new FieldProblem("tags", "máximo " + MAX_BATCH + " tags por consulta"));
    }
    List<String> checked = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      if (tag == null || !Inputs.TAG.matcher(tag).matches()) {
        problems.add(new FieldProblem("tags[" + i + "]", "tag inválido"));
      } else {
        checked.add(tag);
      }
    }
    if (!problems.isEmpty()) {
      throw ViewProblemException.invalid(problems);
    }
    return checked;
  }
}
