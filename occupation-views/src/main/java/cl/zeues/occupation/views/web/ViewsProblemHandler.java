package cl.zeues.occupation.views.web;

import cl.zeues.occupation.views.model.ViewNotReadyException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The read routes' errors as RFC 9457 problem details with a stable {@code code}, shaped like the
 * command API's. Scoped to this module's controllers and ordered first, so it neither replaces nor
 * is replaced by the host application's own handler; whatever it does not handle falls through to
 * that one.
 *
 * <p>The content type is set explicitly: a problem answers even a request that only accepts {@code
 * text/event-stream} (the stream's 503).
 */
@RestControllerAdvice(basePackages = "cl.zeues.occupation.views")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ViewsProblemHandler {

  static final Duration NOT_READY_RETRY = Duration.ofSeconds(5);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> refused(ViewProblemException e) {
    ProblemDetail problem = problem(e.status(), e.code(), e.getMessage());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    return respond(problem, e.retryAfter());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notReady(ViewNotReadyException e) {
    return respond(
        problem(HttpStatus.SERVICE_UNAVAILABLE, "VISTA_NO_DISPONIBLE", e.getMessage()),
        NOT_READY_RETRY);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return respond(
        problem(
            HttpStatus.BAD_REQUEST,
            "JSON_INVALIDO",
            "El cuerpo de la solicitud no es JSON válido o le falta un campo obligatorio."),
        null);
  }

  static ProblemDetail problem(HttpStatus status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("code", code);
    return problem;
  }

  static ResponseEntity<ProblemDetail> respond(
      ProblemDetail problem, @Nullable Duration retryAfter) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfter != null) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
    }
    return response.body(problem);
  }
}
