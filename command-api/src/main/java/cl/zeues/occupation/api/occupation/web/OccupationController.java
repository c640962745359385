package cl.zeues.occupation.api.occupation.web;

import static cl.zeues.occupation.api.occupation.web.OccupationRequests.present;

import cl.zeues.occupation.api.ApiSettings;
import cl.zeues.occupation.api.occupation.CommandGateway;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.BatchTomarRequest;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.CompletarRequest;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.OccupantRequest;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.TomarRequest;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.WorkerRequest;
import cl.zeues.occupation.api.occupation.web.OccupationResponses.BatchDetail;
import cl.zeues.occupation.api.occupation.web.OccupationResponses.BatchTomarResult;
import cl.zeues.occupation.api.web.FieldProblem;
import cl.zeues.occupation.api.web.InvalidRequestException;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import cl.zeues.occupation.events.Worker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@Tag(
    name = "occupation",
    description = "Tomar, pausar, completar y cancelar spools (ARM, SOLD, REPARACION)")
class OccupationController {

  private final CommandGateway gateway;
  private final Validator validator;
  private final Clock clock;
  private final int maxBatch;

  OccupationController(
      CommandGateway gateway, Validator validator, Clock clock, ApiSettings settings) {
    this.gateway = gateway;
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
    return submit(key, body, OccupationCommand.Tomar::new);
  }

  @Operation(summary = "El ocupante pausa: libera el spool, el trabajo queda parcial")
  @CommandResponses
  @PostMapping(path = "/pausar", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> pausar(
      @Valid @RequestBody OccupantRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    return submit(key, body, OccupationCommand.Pausar::new);
  }

  @Operation(
      summary =
          "El ocupante completa la operación (fecha_operacion: hoy por defecto); con operacion"
              + " METROLOGIA, el inspector registra el resultado")
  @CommandResponses
  @PostMapping(path = "/completar", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> completar(
      @Valid @RequestBody CompletarRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    if (body.isMetrologia()) {
      if (body.resultado() == null) {
        throw new InvalidRequestException("resultado", "es obligatorio con operacion METROLOGIA");
      }
      String tag = present(body.tagSpool());
      Resultado resultado = RequestRules.resultado(body.resultado());
      return Answers.of(
          gateway.execute(
              new OccupationCommand.CompletarMetrologia(
                  id(key, tag), tag, body.worker(), resultado, body.fecha(), clock.instant())),
          resultado);
    }
    if (body.resultado() != null) {
      throw new InvalidRequestException("resultado", "solo se envía con operacion METROLOGIA");
    }
    return submit(
        key,
        body,
        (id, tag, worker, operacion, at) ->
            new OccupationCommand.Completar(id, tag, worker, operacion, body.fecha(), at));
  }

  @Operation(summary = "El ocupante cancela: la operación vuelve a pendiente")
  @CommandResponses
  @PostMapping(path = "/cancelar", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> cancelar(
      @Valid @RequestBody OccupantRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    return submit(key, body, OccupationCommand.Cancelar::new);
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

  /** How a route makes its command from the parts every worker command has. */
  @FunctionalInterface
  private interface WorkerCommand {
    OccupationCommand of(
        UUID commandId,
        String tagSpool,
        Worker worker,
        @Nullable Operacion operacion,
        Instant requestedAt);
  }

  /** What every single-command route does: one command for the body's tag, submitted, answered. */
  private ResponseEntity<Object> submit(
      @Nullable String key, WorkerRequest body, WorkerCommand command) {
    String tag = present(body.tagSpool());
    return Answers.of(
        gateway.execute(
            command.of(
                id(key, tag),
                tag,
                body.worker(),
                RequestRules.operacion(body.operacion()),
                clock.instant())));
  }

  private UUID id(@Nullable String idempotencyKey, String tag) {
    return RequestRules.commandId(idempotencyKey, tag);
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
