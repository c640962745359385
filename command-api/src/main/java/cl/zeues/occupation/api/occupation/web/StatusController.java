package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.occupation.StatusReader;
import cl.zeues.occupation.api.occupation.Submission;
import cl.zeues.occupation.api.occupation.web.OccupationResponses.CommandPending;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the processor recorded for a command: its outcome. A spool's status is the read model's
 * ({@code occupation-views}), answered from the log's view with 404 for an unknown tag.
 */
@RestController
@RequestMapping("/api/occupation")
@Tag(name = "occupation")
class StatusController {

  private final StatusReader statuses;

  StatusController(StatusReader statuses) {
    this.statuses = statuses;
  }

  @Operation(summary = "Resultado de un comando: como la respuesta síncrona, o 202 PENDIENTE")
  @GetMapping("/commands/{tag_spool}/{command_id}")
  ResponseEntity<Object> command(
      @PathVariable("tag_spool") String tagSpool, @PathVariable("command_id") UUID commandId) {
    String tag = RequestRules.checkedTag(tagSpool);
    return statuses
        .outcome(tag, commandId)
        .map(reply -> Answers.of(new Submission.Replied(reply)))
        .orElseGet(
            () ->
                ResponseEntity.accepted()
                    .body(new CommandPending(Answers.PENDIENTE, commandId, tag)));
  }
}
