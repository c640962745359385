package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.occupation.CommandGateway;
import cl.zeues.occupation.api.occupation.web.OccupationRequests.AdminRequest;
import cl.zeues.occupation.api.security.Caller;
import cl.zeues.occupation.api.security.Callers;
import cl.zeues.occupation.events.OccupationCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervisor routes (the security chain lets SUPERVISOR and ADMIN credentials through). The events
 * they cause name the acting credential.
 */
@RestController
@RequestMapping("/api/admin")
@Tag(
    name = "admin",
    description = "Liberación forzada y desbloqueo de spools (rol SUPERVISOR o ADMIN)")
class AdminOccupationController {

  private final CommandGateway gateway;
  private final Clock clock;

  AdminOccupationController(CommandGateway gateway, Clock clock) {
    this.gateway = gateway;
    this.clock = clock;
  }

  @Operation(
      summary = "Libera a la fuerza la ocupación de un spool",
      security = @SecurityRequirement(name = "bearer"))
  @CommandResponses
  @PostMapping("/occupation/{tag_spool}/release")
  ResponseEntity<Object> release(
      @PathVariable("tag_spool") String tagSpool,
      @Valid @RequestBody(required = false) @Nullable AdminRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    return supervise(tagSpool, body, key, OccupationCommand.LiberarOcupacion::new);
  }

  @Operation(
      summary =
          "Desbloquea un spool BLOQUEADO por tres rechazos de metrología: vuelve a metrología"
              + " con el ciclo en 0",
      security = @SecurityRequirement(name = "bearer"))
  @CommandResponses
  @PostMapping("/spools/{tag_spool}/desbloquear")
  ResponseEntity<Object> desbloquear(
      @PathVariable("tag_spool") String tagSpool,
      @Valid @RequestBody(required = false) @Nullable AdminRequest body,
      @RequestHeader(name = RequestRules.IDEMPOTENCY_KEY, required = false) @Nullable String key) {
    return supervise(tagSpool, body, key, OccupationCommand.DesbloquearSpool::new);
  }

  /** The acting credential's name; the chain admits no anonymous caller here. */
  private static String actor() {
    return Callers.current()
        .map(Caller::name)
        .orElseThrow(() -> new IllegalStateException("admin route reached without a caller"));
  }

  /**
   * A supervisor's command on one spool: who acts is the credential, why is the optional motivo.
   */
  @FunctionalInterface
  interface SupervisorCommand {
    OccupationCommand of(
        java.util.UUID commandId,
        String tagSpool,
        String admin,
        @Nullable String motivo,
        java.time.Instant requestedAt);
  }

  private ResponseEntity<Object> supervise(
      String tagSpool,
      @Nullable AdminRequest body,
      @Nullable String key,
      SupervisorCommand command) {
    String tag = RequestRules.checkedTag(tagSpool);
    return Answers.of(
        gateway.execute(
            command.of(
                RequestRules.commandId(key, tag),
                tag,
                actor(),
                body == null ? null : body.motivo(),
                clock.instant())));
  }
}
