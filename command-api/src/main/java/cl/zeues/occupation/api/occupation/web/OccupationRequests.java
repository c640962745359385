package cl.zeues.occupation.api.occupation.web;

import static cl.zeues.occupation.api.occupation.web.RequestRules.NOMBRE;
import static cl.zeues.occupation.api.occupation.web.RequestRules.NOMBRE_MESSAGE;
import static cl.zeues.occupation.api.occupation.web.RequestRules.OPERACION;
import static cl.zeues.occupation.api.occupation.web.RequestRules.OPERACION_MESSAGE;
import static cl.zeues.occupation.api.occupation.web.RequestRules.REQUIRED;
import static cl.zeues.occupation.api.occupation.web.RequestRules.TAG;
import static cl.zeues.occupation.api.occupation.web.RequestRules.TAG_MESSAGE;

import cl.zeues.occupation.events.Worker;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.validator.constraints.UniqueElements;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the tablets' contract (snake_case on the wire). Components are nullable
 * because clients may omit them; the constraints say which must be present.
 */
final class OccupationRequests {

  private OccupationRequests() {}

  private static Worker worker(@Nullable Integer id, @Nullable String nombre) {
    // Only called after validation: both are present.
    return Worker.of(
        java.util.Objects.requireNonNull(id), java.util.Objects.requireNonNull(nombre));
  }

  /** A worker takes a spool for one operation. */
  record TomarRequest(
      @Schema(example = "MK-1335-CW-25238-011")
          @JsonProperty("tag_spool")
          @NotNull(message = REQUIRED)
          @Pattern(regexp = TAG, message = TAG_MESSAGE)
          @Nullable String tagSpool,
      @Schema(example = "94")
          @JsonProperty("worker_id")
          @NotNull(message = REQUIRED)
          @Positive(message = "debe ser mayor que 0")
          @Nullable Integer workerId,
      @Schema(example = "Juan Perez")
          @JsonProperty("worker_nombre")
          @NotNull(message = REQUIRED)
          @Pattern(regexp = NOMBRE, message = NOMBRE_MESSAGE)
          @Nullable String workerNombre,
      @Schema(
              example = "ARM",
              allowableValues = {"ARM", "SOLD", "METROLOGIA", "REPARACION"})
          @NotNull(message = REQUIRED)
          @Pattern(regexp = OPERACION, message = OPERACION_MESSAGE)
          @Nullable String operacion) {
    Worker worker() {
      return OccupationRequests.worker(workerId, workerNombre);
    }
  }

  /** The occupant pauses or cancels; {@code operacion} defaults to the occupied one. */
  record OccupantRequest(
      @Schema(example = "MK-1335-CW-25238-011")
          @JsonProperty("tag_spool")
          @NotNull(message = REQUIRED)
          @Pattern(regexp = TAG, message = TAG_MESSAGE)
          @Nullable String tagSpool,
      @Schema(example = "94")
          @JsonProperty("worker_id")
          @NotNull(message = REQUIRED)
          @Positive(message = "debe ser mayor que 0")
          @Nullable Integer workerId,
      @Schema(example = "Juan Perez")
          @JsonProperty("worker_nombre")
          @NotNull(message = REQUIRED)
          @Pattern(regexp = NOMBRE, message = NOMBRE_MESSAGE)
          @Nullable String workerNombre,
      @Schema(
              example = "ARM",
              allowableValues = {"ARM", "SOLD", "METROLOGIA", "REPARACION"})
          @Pattern(regexp = OPERACION, message = OPERACION_MESSAGE)
          @Nullable String operacion) {
    Worker worker() {
      return OccupationRequests.worker(workerId, workerNombre);
    }
  }

  /** The occupant completes; {@code fecha_operacion} defaults to today in Chile. */
  record CompletarRequest(
      @Schema(example = "MK-1335-CW-25238-011")
          @JsonProperty("tag_spool")
          @NotNull(message = REQUIRED)
          @Pattern(regexp = TAG, message = TAG_MESSAGE)
          @Nullable String tagSpool,
      @Schema(example = "94")
          @JsonProperty("worker_id")
          @NotNull(message = REQUIRED)
          @Positive(message = "debe ser mayor que 0")
          @Nullable Integer workerId,
      @Schema(example = "Juan Perez")
          @JsonProperty("worker_nombre")
          @NotNull(message = REQUIRED)
          @Pattern(regexp = NOMBRE, message = NOMBRE_MESSAGE)
          @Nullable String workerNombre,
      @Schema(
              example = "ARM",
              allowableValues = {"ARM", "SOLD", "METROLOGIA", "REPARACION"})
          @Pattern(regexp = OPERACION, message = OPERACION_MESSAGE)
          @Nullable String operacion,
      @Schema(example = "2026-11-27", format = "date") @JsonProperty("fecha_operacion") @ValidDate
          @Nullable String fechaOperacion) {
    Worker worker() {
      return OccupationRequests.worker(workerId, workerNombre);
    }

    @Nullable LocalDate fecha() {
      return fechaOperacion == null ? null : LocalDate.parse(fechaOperacion);
    }
  }

  /** One worker takes several spools for the same operation; each tag is its own command. */
  record BatchTomarRequest(
      @Schema(example = "[\"MK-1\", \"MK-2\"]")
          @JsonProperty("tag_spools")
          @NotEmpty(message = "debe tener al menos un tag")
          @UniqueElements(message = "no debe repetir tags")
          @Nullable
              List<
                  @NotNull(message = REQUIRED) @Pattern(regexp = TAG, message = TAG_MESSAGE) String>
              tagSpools,
      @Schema(example = "94")
          @JsonProperty("worker_id")
          @NotNull(message = REQUIRED)
          @Positive(message = "debe ser mayor que 0")
          @Nullable Integer workerId,
      @Schema(example = "Juan Perez")
          @JsonProperty("worker_nombre")
          @NotNull(message = REQUIRED)
          @Pattern(regexp = NOMBRE, message = NOMBRE_MESSAGE)
          @Nullable String workerNombre,
      @Schema(
              example = "ARM",
              allowableValues = {"ARM", "SOLD", "METROLOGIA", "REPARACION"})
          @NotNull(message = REQUIRED)
          @Pattern(regexp = OPERACION, message = OPERACION_MESSAGE)
          @Nullable String operacion) {
    Worker worker() {
      return OccupationRequests.worker(workerId, workerNombre);
    }
  }

  /** An administrator's optional reason for a force-release. */
  record ReleaseRequest(
      @Schema(example = "turno terminado") @Size(max = 500, message = "máximo 500 caracteres")
          @Nullable String motivo) {}

  static <T> T present(@Nullable T value) {
    return java.util.Objects.requireNonNull(value);
  }
}
