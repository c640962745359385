package cl.zeues.occupation.api.occupation.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** OpenAPI description of the answers every single-command route can give. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponses({
  @ApiResponse(
      responseCode = "200",
      description = "Aceptado por el procesador",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = OccupationResponses.CommandAccepted.class))),
  @ApiResponse(
      responseCode = "202",
      description = "Publicado, sin respuesta aún: consultar Location",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = OccupationResponses.CommandPending.class))),
  @ApiResponse(
      responseCode = "400",
      description =
          "SOLICITUD_INVALIDA, JSON_INVALIDO, DEPENDENCIAS_NO_SATISFECHAS,"
              + " OPERACION_YA_COMPLETADA, OPERACION_NO_INICIADA, OPERACION_NO_SOPORTADA",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class))),
  @ApiResponse(
      responseCode = "403",
      description =
          "NO_AUTORIZADO: no es el ocupante; SPOOL_BLOQUEADO: tres rechazos de metrología;"
              + " ROL_NO_AUTORIZADO: el trabajador no tiene el rol en Roles",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class))),
  @ApiResponse(
      responseCode = "404",
      description = "SPOOL_NO_ENCONTRADO, WORKER_NO_ENCONTRADO",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class))),
  @ApiResponse(
      responseCode = "409",
      description = "SPOOL_OCCUPIED (con ocupado_por), SIN_EFECTO, SPOOL_NO_BLOQUEADO",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class))),
  @ApiResponse(
      responseCode = "410",
      description = "LOCK_EXPIRED: la ocupación terminó (expiró o fue liberada)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class))),
  @ApiResponse(
      responseCode = "503",
      description = "KAFKA_NO_DISPONIBLE",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
})
@interface CommandResponses {}
