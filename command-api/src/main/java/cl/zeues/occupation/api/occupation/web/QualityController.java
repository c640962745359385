package cl.zeues.occupation.api.occupation.web;

import static cl.zeues.occupation.api.occupation.web.OccupationRequests.present;

import cl.zeues.occupation.api.occupation.CommandGateway;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.MetrologiaRequest;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.ReparacionRequest;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import cl.zeues.occupation.events.Worker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The v3 quality-control routes (domain-facts §6.3): the instant metrology result and the repair
 * aliases. Each answers like the occupation routes, plus the spool's {@code estado_detalle} and
 * repair {@code cycle} after the decision. The same commands go through {@code /api/occupation/*}
 * with {@code operacion} METROLOGIA (completar) or REPARACION.
 */
@RestController
@Tag(name = "calidad", description = "Metrología (instantánea) y reparación (ciclos acotados)")
class QualityController {

  private final CommandGateway gateway;
  private final Clock clock;

  QualityController(CommandGateway gateway, Clock clock) {
    this.gateway = gateway;
    this.clock = clock;
  }

  @Operation(summary = "El inspector registra el resultado de metrología: APROBADO o RECHAZADO")
  @CommandResponses
  @PostMapping(path = "/api/metrologia/completar", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> completarMetrologia(
      @Valid @RequestBody MetrologiaRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    String tag = present(body.tagSpool());
    Resultado resultado = RequestRules.resultado(present(body.resultado()));
    return Answers.of(
        gateway.execute(
            new OccupationCommand.CompletarMetrologia(
                id(key, tag), tag, body.worker(), resultado, body.fecha(), clock.instant())),
        resultado);
  }

  @Operation(summary = "Un trabajador toma un spool rechazado para repararlo")
  @CommandResponses
  @PostMapping(path = "/api/tomar-reparacion", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> tomarReparacion(
      @Valid @RequestBody ReparacionRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    return repair(
        body,
        key,
        (id, tag, worker, now) ->
            new OccupationCommand.Tomar(id, tag, worker, Operacion.REPARACION, now));
  }

  @Operation(summary = "El reparador pausa: el spool queda en REPARACION_PAUSADA")
  @CommandResponses
  @PostMapping(path = "/api/pausar-reparacion", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> pausarReparacion(
      @Valid @RequestBody ReparacionRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    return repair(
        body,
        key,
        (id, tag, worker, now) ->
            new OccupationCommand.Pausar(id, tag, worker, Operacion.REPARACION, now));
  }

  @Operation(summary = "El reparador completa: el spool vuelve a metrología con su ciclo")
  @CommandResponses
  @PostMapping(path = "/api/completar-reparacion", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> completarReparacion(
      @Valid @RequestBody ReparacionRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    return repair(
        body,
        key,
        (id, tag, worker, now) ->
            new OccupationCommand.Completar(id, tag, worker, Operacion.REPARACION, null, now));
  }

  @Operation(summary = "El reparador cancela: el spool vuelve a RECHAZADO")
  @CommandResponses
  @PostMapping(path = "/api/cancelar-reparacion", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> cancelarReparacion(
      @Valid @RequestBody ReparacionRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    return repair(
        body,
        key,
        (id, tag, worker, now) ->
            new OccupationCommand.Cancelar(id, tag, worker, Operacion.REPARACION, now));
  }

  /** One repair alias's command, from the request's id, tag, worker and time. */
  @FunctionalInterface
  interface RepairCommand {
    OccupationCommand of(UUID commandId, String tagSpool, Worker worker, Instant requestedAt);
  }

  /** The four v3 repair aliases share everything but the command they send. */
  private ResponseEntity<Object> repair(
      ReparacionRequest body, @Nullable String key, RepairCommand command) {
    String tag = present(body.tagSpool());
    return Answers.of(
        gateway.execute(command.of(id(key, tag), tag, body.worker(), clock.instant())));
  }

  private static UUID id(@Nullable String idempotencyKey, String tag) {
    return RequestRules.commandId(idempotencyKey, tag);
  }
}
