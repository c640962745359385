package cl.zeues.occupation.api.occupation.web;

import static cl.zeues.occupation.api.occupation.web.RequestRules.REQUIRED;

import cl.zeues.occupation.api.occupation.CommandGateway;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.hibernate.validator.constraints.UniqueElements;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the tablets' contract (snake_case on the wire). Components are nullable
 * because clients may omit them; the constraints say which must be present.
 */
final class OccupationRequests {

  private OccupationRequests() {}

  /**
   * A body that makes its worker act: the worker's PIN is checked against it ({@link
   * WorkerPinCheck}) when PINs are on. Every command body a worker gives implements it.
   */
  interface ActsAsWorker {
    @Nullable Integer workerId();
  }

  /** A worker's request about one spool: what every single-command route reads. */
  interface WorkerRequest extends ActsAsWorker {
    @Nullable String tagSpool();

    @Nullable String operacion();

    /** Only the id: the gateway puts the directory's worker in its place. */
    default Worker worker() {
      return CommandGateway.workerById(present(workerId()));
    }
  }

  /** A worker takes a spool for one operation. */
  record TomarRequest(
      @JsonProperty("tag_spool") @TagSpool @Nullable String tagSpool,
      @JsonProperty("worker_id") @WorkerId @Nullable Integer workerId,
      @JsonProperty("worker_nombre") @WorkerNombre @Nullable String workerNombre,
      @NotNull(message = REQUIRED) @KnownOperacion @Nullable String operacion)
      implements WorkerRequest {}

  /** The occupant pauses or cancels; {@code operacion} defaults to the occupied one. */
  record OccupantRequest(
      @JsonProperty("tag_spool") @TagSpool @Nullable String tagSpool,
      @JsonProperty("worker_id") @WorkerId @Nullable Integer workerId,
      @JsonProperty("worker_nombre") @WorkerNombre @Nullable String workerNombre,
      @KnownOperacion @Nullable String operacion)
      implements WorkerRequest {}

  /**
   * The occupant completes; {@code fecha_operacion} defaults to today in Chile. With {@code
   * operacion} METROLOGIA it records the inspection's {@code resultado} instead (§6.3 lists
   * METROLOGIA among COMPLETAR's operations), as {@code POST /api/metrologia/completar} does.
   */
  record CompletarRequest(
      @JsonProperty("tag_spool") @TagSpool @Nullable String tagSpool,
      @JsonProperty("worker_id") @WorkerId @Nullable Integer workerId,
      @JsonProperty("worker_nombre") @WorkerNombre @Nullable String workerNombre,
      @KnownOperacion @Nullable String operacion,
      @Schema(example = "2026-11-27", format = "date") @JsonProperty("fecha_operacion") @ValidDate
          @Nullable String fechaOperacion,
      @Schema(
              description = "solo con operacion METROLOGIA, y entonces obligatorio",
              allowableValues = {"APROBADO", "RECHAZADO"})
          @Pattern(regexp = RequestRules.RESULTADO, message = RequestRules.RESULTADO_MESSAGE)
          @Nullable String resultado)
      implements WorkerRequest {

    @Nullable LocalDate fecha() {
      return parsedDate(fechaOperacion);
    }

    boolean isMetrologia() {
      return Operacion.METROLOGIA.name().equals(operacion);
    }
  }

  /** A metrology inspector records the result of the instant inspection (v3 §6.3). */
  record MetrologiaRequest(
      @JsonProperty("tag_spool") @TagSpool @Nullable String tagSpool,
      @JsonProperty("worker_id") @WorkerId @Nullable Integer workerId,
      @JsonProperty("worker_nombre") @WorkerNombre @Nullable String workerNombre,
      @Schema(allowableValues = {"APROBADO", "RECHAZADO"})
          @NotNull(message = REQUIRED)
          @Pattern(regexp = RequestRules.RESULTADO, message = RequestRules.RESULTADO_MESSAGE)
          @Nullable String resultado,
      @Schema(example = "2026-11-27", format = "date") @JsonProperty("fecha_operacion") @ValidDate
          @Nullable String fechaOperacion)
      implements ActsAsWorker {

    /** Only the id: the gateway puts the directory's worker in its place. */
    Worker worker() {
      return CommandGateway.workerById(present(workerId));
    }

    @Nullable LocalDate fecha() {
      return parsedDate(fechaOperacion);
    }
  }

  /**
   * A v3 repair route's body ({@code /api/tomar-reparacion}, ...): the operation is the route's.
   */
  record ReparacionRequest(
      @JsonProperty("tag_spool") @TagSpool @Nullable String tagSpool,
      @JsonProperty("worker_id") @WorkerId @Nullable Integer workerId,
      @JsonProperty("worker_nombre") @WorkerNombre @Nullable String workerNombre)
      implements ActsAsWorker {

    /** Only the id: the gateway puts the directory's worker in its place. */
    Worker worker() {
      return CommandGateway.workerById(present(workerId));
    }
  }

  /** One worker takes several spools for the same operation; each tag is its own command. */
  record BatchTomarRequest(
      @Schema(example = "[\"MK-1335-CW-25238-011\", \"MK-1335-CW-25238-012\"]")
          @JsonProperty("tag_spools")
          @NotEmpty(message = "debe tener al menos un tag")
          @UniqueElements(message = "no debe repetir tags")
          @Nullable List<@TagSpool String> tagSpools,
      @JsonProperty("worker_id") @WorkerId @Nullable Integer workerId,
      @JsonProperty("worker_nombre") @WorkerNombre @Nullable String workerNombre,
      @NotNull(message = REQUIRED) @KnownOperacion @Nullable String operacion)
      implements ActsAsWorker {

    /** Only the id: the gateway puts the directory's worker in its place. */
    Worker worker() {
      return CommandGateway.workerById(present(workerId));
    }
  }

  /** An administrator's optional reason for a force-release or an unblock. */
  record AdminRequest(
      @Schema(example = "turno terminado") @Size(max = 500, message = "máximo 500 caracteres")
          @Nullable String motivo) {}

  private static @Nullable LocalDate parsedDate(@Nullable String fechaOperacion) {
    return fechaOperacion == null ? null : LocalDate.parse(fechaOperacion);
  }

  /** A component the constraints required: present once validation passed. */
  static <T> T present(@Nullable T value) {
    return Objects.requireNonNull(value);
  }
}
