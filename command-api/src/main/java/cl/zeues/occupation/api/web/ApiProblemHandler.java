package cl.zeues.occupation.api.web;

import cl.zeues.occupation.api.occupation.CommandBusSaturatedException;
import cl.zeues.occupation.api.occupation.CommandBusUnavailableException;
import cl.zeues.occupation.api.occupation.StatusUnavailableException;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error the API answers, as an RFC 9457 problem detail with a stable {@code code}: processor
 * rejections, malformed requests, infrastructure outages and Spring MVC's own errors. Nothing
 * leaves as a stack trace.
 */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  public static final String SOLICITUD_INVALIDA = "SOLICITUD_INVALIDA";
  public static final String JSON_INVALIDO = "JSON_INVALIDO";

  /** The HTTP status of each rejection; exhaustive, so a new reason cannot go unmapped. */
  public static HttpStatus statusOf(RejectionReason reason) {
    return switch (reason) {
      case SPOOL_OCCUPIED, SIN_EFECTO, SPOOL_NO_BLOQUEADO -> HttpStatus.CONFLICT;
      case NO_AUTORIZADO, SPOOL_BLOQUEADO, ROL_NO_AUTORIZADO -> HttpStatus.FORBIDDEN;
      case LOCK_EXPIRED -> HttpStatus.GONE;
      case SPOOL_NO_ENCONTRADO, WORKER_NO_ENCONTRADO -> HttpStatus.NOT_FOUND;
      case DEPENDENCIAS_NO_SATISFECHAS,
          OPERACION_YA_COMPLETADA,
          OPERACION_NO_INICIADA,
          OPERACION_NO_SOPORTADA ->
          HttpStatus.BAD_REQUEST;
    };
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(CommandRejectedException e) {
    CommandReply.Rejected reply = e.reply();
    ProblemDetail problem =
        problem(statusOf(reply.reason()), reply.reason().name(), reply.message());
    problem.setProperty("tag_spool", reply.tagSpool());
    if (reply.ocupadoPor() != null) {
      problem.setProperty("ocupado_por", reply.ocupadoPor());
    }
    problem.setProperty("command_id", reply.commandId().toString());
    return respond(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    return respond(invalidRequest(e.problems()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> refused(ApiProblemException e) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    e.retryAfter()
        .ifPresent(
            wait ->
                response.header(
                    HttpHeaders.RETRY_AFTER, ApiProblemException.retryAfterSecondsOf(wait)));
    return response.body(problem(e.status(), e.code(), e.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> saturated(CommandBusSaturatedException e) {
    log.warn("command refused: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "DEMASIADOS_COMANDOS_EN_CURSO",
                "No se registró la solicitud: " + e.getMessage() + ". Reintente en un momento."));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
    return respond(
        problem(HttpStatus.CONTENT_TOO_LARGE, "CUERPO_DEMASIADO_GRANDE", e.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> kafkaDown(CommandBusUnavailableException e) {
    log.warn("command not published: {}", e.getMessage(), e.getCause());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "KAFKA_NO_DISPONIBLE",
                "No se pudo registrar la solicitud: el bus de comandos no está disponible."
                    + " Reintente en unos segundos."));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> redisDown(StatusUnavailableException e) {
    log.warn("status not readable: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "REDIS_NO_DISPONIBLE",
                "No se pudo leer el estado: el almacén no está disponible. Reintente en unos"
                    + " segundos."));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected error", e);
    return respond(
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "ERROR_INTERNO",
            "Error interno; la solicitud no se pudo completar."));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      problems.add(
          new FieldProblem(
              FieldProblem.wireName(error.getField()), String.valueOf(error.getDefaultMessage())));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(e -> problems.add(new FieldProblem("", String.valueOf(e.getDefaultMessage()))));
    return new ResponseEntity<>(invalidRequest(problems), headers, HttpStatus.BAD_REQUEST);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return new ResponseEntity<>(
            problem(HttpStatus.CONTENT_TOO_LARGE, "CUERPO_DEMASIADO_GRANDE", tooLarge.getMessage()),
            headers,
            HttpStatus.CONTENT_TOO_LARGE);
      }
      if ((cause instanceof MismatchedInputException || cause instanceof InputCoercionException)
          && cause instanceof JacksonException jackson
          && !jackson.getPath().isEmpty()) {
        String field = jsonPath(jackson);
        return new ResponseEntity<>(
            invalidRequest(
                List.of(new FieldProblem(field, "tipo de valor inválido para " + field))),
            headers,
            HttpStatus.BAD_REQUEST);
      }
    }
    String detail =
        ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
            ? "Falta el cuerpo JSON de la solicitud."
            : "El cuerpo de la solicitud no es JSON válido.";
    return new ResponseEntity<>(
        problem(HttpStatus.BAD_REQUEST, JSON_INVALIDO, detail), headers, HttpStatus.BAD_REQUEST);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field =
        ex instanceof MethodArgumentTypeMismatchException m
            ? m.getName()
            : String.valueOf(ex.getPropertyName());
    return new ResponseEntity<>(
        invalidRequest(List.of(new FieldProblem(field, "valor inválido: " + ex.getValue()))),
        headers,
        HttpStatus.BAD_REQUEST);
  }

  /** Spring MVC's own errors (404, 405, 415, ...): add the stable code and a Spanish detail. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    if (body == null && ex instanceof ErrorResponse error) {
      body = error.getBody();
    }
    if (body instanceof ProblemDetail problem
        && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
      problem.setProperty("code", codeOf(statusCode));
      String detail = spanishDetail(ex);
      if (detail != null) {
        problem.setDetail(detail);
      }
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  private static String codeOf(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> SOLICITUD_INVALIDA;
      case 404 -> "RUTA_NO_ENCONTRADA";
      case 405 -> "METODO_NO_PERMITIDO";
      case 406 -> "NO_ACEPTABLE";
      case 413 -> "CUERPO_DEMASIADO_GRANDE";
      case 415 -> "TIPO_CONTENIDO_NO_SOPORTADO";
      case 503 -> "SERVICIO_NO_DISPONIBLE";
      default -> status.is5xxServerError() ? "ERROR_INTERNO" : "ERROR_HTTP_" + status.value();
    };
  }

  private static @Nullable String spanishDetail(Exception ex) {
    return switch (ex) {
      case NoResourceFoundException e -> "No existe la ruta /" + e.getResourcePath();
      case HttpRequestMethodNotSupportedException e ->
          "Método " + e.getMethod() + " no permitido en esta ruta";
      case HttpMediaTypeNotSupportedException e ->
          "Tipo de contenido "
              + (e.getContentType() == null ? "ausente" : "'" + e.getContentType() + "'")
              + " no soportado; use application/json";
      default -> null;
    };
  }

  private static String jsonPath(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static ProblemDetail invalidRequest(List<FieldProblem> problems) {
    String summary =
        problems.stream()
            .map(p -> p.field().isEmpty() ? p.message() : p.field() + ": " + p.message())
            .collect(Collectors.joining("; "));
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, SOLICITUD_INVALIDA, "Solicitud inválida: " + summary);
    problem.setProperty("errors", problems);
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String code, @Nullable String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("code", code);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
