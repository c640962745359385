package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.occupation.Submission;
import cl.zeues.occupation.api.web.ApiProblemException;
import cl.zeues.occupation.api.web.CommandRejectedException;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.Resultado;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Turns a command outcome into the HTTP answer: 200, a problem (via the advice) or 202. */
final class Answers {

  static final String PENDIENTE = "PENDIENTE";

  private Answers() {}

  static ResponseEntity<Object> of(Submission outcome) {
    return of(outcome, null);
  }

  /** A metrology result's answer: as any other, echoing the {@code resultado} recorded. */
  static ResponseEntity<Object> of(Submission outcome, @Nullable Resultado resultado) {
    return switch (outcome) {
      case Submission.Replied(CommandReply.Accepted a) ->
          ResponseEntity.ok(
              new OccupationResponses.CommandAccepted(
                  true,
                  a.tagSpool(),
                  resultado == null ? null : resultado.name(),
                  a.estadoDetalle(),
                  a.ciclo(),
                  a.message(),
                  a.version(),
                  a.commandId()));
      case Submission.Replied(CommandReply.Rejected r) -> throw new CommandRejectedException(r);
      case Submission.Pending p ->
          ResponseEntity.accepted()
              .location(location(p.tagSpool(), p.commandId()))
              .body(new OccupationResponses.CommandPending(PENDIENTE, p.commandId(), p.tagSpool()));
      case Submission.Unpublished u ->
          throw new ApiProblemException(
              HttpStatus.SERVICE_UNAVAILABLE, "KAFKA_NO_DISPONIBLE", u.message());
    };
  }

  static URI location(String tagSpool, UUID commandId) {
    return URI.create("/api/occupation/commands/" + tagSpool + "/" + commandId);
  }

  static OccupationResponses.BatchDetail detail(Submission outcome) {
    return switch (outcome) {
      case Submission.Replied(CommandReply.Accepted a) ->
          new OccupationResponses.BatchDetail(
              a.tagSpool(), true, a.message(), null, null, a.commandId());
      case Submission.Replied(CommandReply.Rejected r) ->
          new OccupationResponses.BatchDetail(
              r.tagSpool(), false, r.message(), r.reason().name(), r.ocupadoPor(), r.commandId());
      case Submission.Pending p ->
          new OccupationResponses.BatchDetail(
              p.tagSpool(),
              false,
              "Sin respuesta aún; consulte " + location(p.tagSpool(), p.commandId()),
              PENDIENTE,
              null,
              p.commandId());
      case Submission.Unpublished u ->
          new OccupationResponses.BatchDetail(
              u.tagSpool(),
              false,
              "No se pudo registrar: el bus de comandos no está disponible",
              "KAFKA_NO_DISPONIBLE",
              null,
              u.commandId());
    };
  }
}
