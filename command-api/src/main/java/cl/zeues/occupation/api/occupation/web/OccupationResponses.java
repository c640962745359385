package cl.zeues.occupation.api.occupation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The response bodies of the tablets' contract (errors are problem details, not these). */
final class OccupationResponses {

  private OccupationResponses() {}

  /**
   * The processor accepted the command; the spool is now at {@code version}. Metrology, repair and
   * unblock answers also carry the spool's {@code Estado_Detalle} and repair cycle after the
   * decision, and a metrology answer echoes its {@code resultado}; ARM and SOLD answers leave them
   * out.
   */
  record CommandAccepted(
      boolean success,
      @JsonProperty("tag_spool") String tagSpool,
      @Schema(example = "APROBADO") @JsonInclude(JsonInclude.Include.NON_NULL)
          @Nullable String resultado,
      @Schema(example = "RECHAZADO (Ciclo 1/3) - Pendiente reparación")
          @JsonProperty("estado_detalle")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          @Nullable String estadoDetalle,
      @Schema(description = "repair cycle: consecutive metrology rejections, 0 to 3")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          @Nullable Integer cycle,
      String message,
      long version,
      @JsonProperty("command_id") UUID commandId) {}

  /** No outcome yet; fetch it later from the {@code Location} given. */
  record CommandPending(
      @Schema(example = "PENDIENTE") String status,
      @JsonProperty("command_id") UUID commandId,
      @JsonProperty("tag_spool") String tagSpool) {}

  /** One tag's outcome within a batch. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BatchDetail(
      @JsonProperty("tag_spool") String tagSpool,
      boolean success,
      String message,
      @Schema(description = "RejectionReason name, PENDIENTE or KAFKA_NO_DISPONIBLE when failed")
          @Nullable String code,
      @JsonProperty("ocupado_por") @Nullable String ocupadoPor,
      @JsonProperty("command_id") UUID commandId) {}

  /** Always 200: partial success is normal. */
  record BatchTomarResult(int total, int succeeded, int failed, List<BatchDetail> details) {}
}
