package cl.zeues.occupation.api.occupation.web;

import static cl.zeues.occupation.api.occupation.web.OccupationRequests.present;

import cl.zeues.occupation.api.ApiSettings;
import cl.zeues.occupation.api.occupation.CommandGateway;
import cl.zeues.occupation.api.occupation.CommandIds;
import cl.zeues.occupation.api.occupation.SpoolStatus;
import cl.zeues.occupation.api.occupation.StatusReader;
import cl.zeues.occupation.api.occupation.Submission;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.BatchTomarRequest;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.CompletarRequest;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.OccupantRequest;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.TomarRequest;
import cl.zeues.occupation.api.occupation.web.OccupationResponses.BatchDetail;
import cl.zeues.occupation.api.occupation.web.OccupationResponses.BatchTomarResult;
import cl.zeues.occupation.api.occupation.web.OccupationResponses.CommandPending;
import cl.zeues.occupation.api.occupation.web.OccupationResponses.SpoolStatusView;
import cl.zeues.occupation.api.web.FieldProblem;
import cl.zeues.occupation.api.web.InvalidRequestException;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tablets' occupation routes. Each command route validates, publishes one command per tag and
 * answers with the processor's reply: 200, a problem (409/403/410/404/400) or 202 + Location.
 */
@RestController
@RequestMapping("/api/occupation")
@Tag(name = "occupation", description = "Tomar, pausar, completar y cancelar spools")
class OccupationController {

  private final CommandGateway gateway;
  private final StatusReader statuses;
  private final Validator validator;
  private final Clock clock;
  private final int maxBatch;

  OccupationController(
      CommandGateway gateway,
      StatusReader statuses,
      Validator validator,
      Clock clock,
      ApiSettings settings) {
    this.gateway = gateway;
    this.statuses = statuses;
    this.validator = validator;
    this.clock = clock;
    this.maxBatch = settings.maxBatch();
  }

  @Operation(summary = "Un trabajador toma un spool para una operación")
  @CommandResponses
  @PostMapping(path = "/tomar", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> tomar(
      @Valid @RequestBody TomarRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    String tag = present(body.tagSpool());
    return Answers.of(
        gateway.execute(
            new OccupationCommand.Tomar(
                id(key, tag),
                tag,
                body.worker(),
                present(RequestRules.operacion(body.operacion())),
                clock.instant())));
  }

  @Operation(summary = "El ocupante pausa: libera el spool, el trabajo queda parcial")
  @CommandResponses
  @PostMapping(path = "/pausar", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> pausar(
      @Valid @RequestBody OccupantRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    String tag = present(body.tagSpool());
    return Answers.of(
        gateway.execute(
            new OccupationCommand.Pausar(
                id(key, tag),
                tag,
                body.worker(),
                RequestRules.operacion(body.operacion()),
                clock.instant())));
  }

  @Operation(summary = "El ocupante completa la operación (fecha_operacion: hoy por defecto)")
  @CommandResponses
  @PostMapping(path = "/completar", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> completar(
      @Valid @RequestBody CompletarRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    String tag = present(body.tagSpool());
    return Answers.of(
        gateway.execute(
            new OccupationCommand.Completar(
                id(key, tag),
                tag,
                body.worker(),
                RequestRules.operacion(body.operacion()),
                body.fecha(),
                clock.instant())));
  }

  @Operation(summary = "El ocupante cancela: la operación vuelve a pendiente")
  @CommandResponses
  @PostMapping(path = "/cancelar", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> cancelar(
      @Valid @RequestBody OccupantRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    String tag = present(body.tagSpool());
    return Answers.of(
        gateway.execute(
            new OccupationCommand.Cancelar(
                id(key, tag),
                tag,
                body.worker(),
                RequestRules.operacion(body.operacion()),
                clock.instant())));
  }

  @Operation(
      summary = "Toma varios spools: un comando por tag, en paralelo; siempre 200",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(schema = @Schema(implementation = BatchTomarResult.class))))
  @PostMapping(path = "/batch-tomar", consumes = MediaType.APPLICATION_JSON_VALUE)
  BatchTomarResult batchTomar(
      @RequestBody BatchTomarRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    validateBatch(body);
    Operacion operacion = present(RequestRules.operacion(body.operacion()));
    var worker = body.worker();
    var now = clock.instant();
    List<OccupationCommand.Tomar> commands =
        present(body.tagSpools()).stream()
            .map(tag -> new OccupationCommand.Tomar(id(key, tag), tag, worker, operacion, now))
            .toList();
    List<BatchDetail> details = gateway.executeAll(commands).stream().map(Answers::detail).toList();
    int succeeded = (int) details.stream().filter(BatchDetail::success).count();
    return new BatchTomarResult(details.size(), succeeded, details.size() - succeeded, details);
  }

  @Operation(
      summary = "Estado de ocupación de un spool (leído del almacén del procesador)",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(schema = @Schema(implementation = SpoolStatusView.class))))
  @GetMapping("/status/{tag_spool}")
  SpoolStatusView status(@PathVariable("tag_spool") String tagSpool) {
    SpoolStatus status = statuses.status(RequestRules.checkedTag(tagSpool));
    return new SpoolStatusView(
        status.tagSpool(),
        status.ocupado(),
        status.ocupadoPor(),
        status.fechaOcupacion(),
        status.operacion(),
        status.version());
  }

  @Operation(summary = "Resultado de un comando: como la respuesta síncrona, o 202 PENDIENTE")
  @GetMapping("/commands/{tag_spool}/{command_id}")
  ResponseEntity<Object> command(
      @PathVariable("tag_spool") String tagSpool, @PathVariable("command_id") UUID commandId) {
    Submission outcome = gateway.outcome(RequestRules.checkedTag(tagSpool), commandId);
    if (outcome instanceof Submission.Pending pending) {
      return ResponseEntity.accepted()
          .body(new CommandPending(Answers.PENDIENTE, pending.commandId(), pending.tagSpool()));
    }
    return Answers.of(outcome);
  }

  private UUID id(@Nullable String idempotencyKey, String tag) {
    return CommandIds.forRequest(RequestRules.checkedIdempotencyKey(idempotencyKey), tag);
  }

  /** Bean validation plus the configured batch size, reported together. */
  private void validateBatch(BatchTomarRequest body) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<BatchTomarRequest> violation : validator.validate(body)) {
      String path = violation.getPropertyPath().toString().replace(".<list element>", "");
      problems.add(new FieldProblem(FieldProblem.wireName(path), violation.getMessage()));
    }
    if (body.tagSpools() != null && body.tagSpools().size() > maxBatch) {
      problems.add(new FieldProblem("tag_spools", "máximo " + maxBatch + " tags por lote"));
    }
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparing(FieldProblem::field));
      throw new InvalidRequestException(problems);
    }
  }
}
