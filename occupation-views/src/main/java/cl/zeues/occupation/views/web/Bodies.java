package cl.zeues.occupation.views.web;

import cl.zeues.occupation.domain.EstadoCalidad;
import cl.zeues.occupation.domain.EstadoDetalle;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.OperationProgress;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.model.CardState;
import cl.zeues.occupation.views.model.Session;
import cl.zeues.occupation.views.model.SpoolRow;
import cl.zeues.occupation.views.model.SpoolView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The read routes' response bodies (domain-facts 6.3/6.4 names, snake_case) and how a spool maps to
 * them: the one place to extend when the domain's state grows (metrology, repair cycles).
 */
public final class Bodies {

  private Bodies() {}

  /**
   * A spool as {@code /api/occupation/status/{tag}}, {@code batch-status} and the stream show it.
   * The first six fields are the command API's earlier status answer, unchanged.
   */
  public record SpoolStatus(
      @JsonProperty("tag_spool") String tagSpool,
      boolean ocupado,
      @JsonProperty("ocupado_por") @Nullable String ocupadoPor,
      @JsonProperty("fecha_ocupacion") @Nullable Instant fechaOcupacion,
      @Nullable Operacion operacion,
      long version,
      @JsonProperty("ocupado_por_display") @Nullable String ocupadoPorDisplay,
      @JsonProperty("worker_id") @Nullable Integer workerId,
      @JsonProperty("estado_detalle") String estadoDetalle,
      @JsonProperty("fecha_materiales") @Nullable LocalDate fechaMateriales,
      @JsonProperty("estado_arm") String estadoArm,
      @Nullable String armador,
      @JsonProperty("fecha_armado") @Nullable LocalDate fechaArmado,
      @JsonProperty("estado_sold") String estadoSold,
      @Nullable String soldador,
      @JsonProperty("fecha_soldadura") @Nullable LocalDate fechaSoldadura,
      @JsonProperty("last_event_at") @Nullable Instant lastEventAt,
      @JsonProperty("estado_metrologia") EstadoCalidad estadoMetrologia,
      @JsonProperty("fecha_qc_metrologia") @Nullable LocalDate fechaQcMetrologia,
      @JsonProperty("estado_reparacion") String estadoReparacion,
      @JsonProperty("estado_trabajo") CardState.EstadoTrabajo estadoTrabajo,
      @JsonProperty("operacion_actual") @Nullable Operacion operacionActual,
      @JsonProperty("ciclo_rep") @Nullable Integer cicloRep) {}

  /** A spool in a list ({@code iniciar}, {@code ocupados}, {@code reparacion}); nulls omitted. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SpoolSummary(
      @JsonProperty("tag_spool") String tagSpool,
      @JsonProperty("fecha_materiales") @Nullable LocalDate fechaMateriales,
      @JsonProperty("estado_arm") String estadoArm,
      @Nullable String armador,
      @JsonProperty("fecha_armado") @Nullable LocalDate fechaArmado,
      @JsonProperty("estado_sold") String estadoSold,
      @Nullable String soldador,
      @JsonProperty("fecha_soldadura") @Nullable LocalDate fechaSoldadura,
      @JsonProperty("ocupado_por") @Nullable String ocupadoPor,
      @Nullable Operacion operacion,
      @JsonProperty("fecha_ocupacion") @Nullable Instant fechaOcupacion,
      long version) {}

  /** {@code {spools, total, filtro_aplicado}}, as the earlier system's spool lists. */
  public record SpoolList(
      List<SpoolSummary> spools,
      int total,
      @JsonProperty("filtro_aplicado") String filtroAplicado) {}

  /** One tag of a batch that could not be answered. */
  public record BatchError(
      @JsonProperty("tag_spool") String tagSpool,
      @JsonProperty("error_code") String errorCode,
      String message) {}

  /** {@code {spools, total, errors}}; {@code total} counts the spools answered. */
  public record BatchStatus(List<SpoolStatus> spools, int total, List<BatchError> errors) {}

  public record WorkerBody(
      int id,
      String nombre,
      String apellido,
      @JsonProperty("nombre_completo") String nombreCompleto,
      List<String> roles,
      boolean activo) {}

  public record Workers(List<WorkerBody> workers, int total) {}

  /** A row of the dashboard: who holds which spool since when. */
  public record OccupiedSpool(
      @JsonProperty("tag_spool") String tagSpool,
      @JsonProperty("worker_nombre") String workerNombre,
      @JsonProperty("worker_id") int workerId,
      Operacion operacion,
      @JsonProperty("estado_detalle") String estadoDetalle,
      @JsonProperty("fecha_ocupacion") Instant fechaOcupacion,
      long version) {}

  /**
   * One occupation of a spool.
   *
   * @param endedBy how it ended; null while the worker still holds it
   * @param duration like {@code 2h 15m}; null while open
   */
  public record SessionBody(
      @JsonProperty("worker_nombre") String workerNombre,
      @JsonProperty("worker_id") int workerId,
      Operacion operacion,
      @JsonProperty("start_time") Instant startTime,
      @JsonProperty("end_time") @Nullable Instant endTime,
      @JsonProperty("ended_by") Session.@Nullable Ending endedBy,
      @Nullable String duration,
      @JsonProperty("duration_seconds") @Nullable Long durationSeconds) {}

  public record History(
      @JsonProperty("tag_spool") String tagSpool, List<SessionBody> sessions, long version) {}

  /** The {@code data} of a {@code spool_update} stream event. */
  public record SpoolUpdateBody(
      @JsonProperty("event_type") String eventType,
      @JsonProperty("event_id") UUID eventId,
      @JsonProperty("occurred_at") Instant occurredAt,
      SpoolStatus spool) {}

  public static SpoolStatus status(SpoolRow row) {
    SpoolState state = row.view().state();
    Occupation occupation = state.occupation();
    CardState card = CardState.of(state);
    return new SpoolStatus(
        state.tagSpool(),
        occupation != null,
        occupation == null ? null : occupation.worker().token(),
        occupation == null ? null : occupation.since(),
        occupation == null ? null : occupation.operacion(),
        state.version(),
        occupation == null ? null : occupation.worker().nombre(),
        occupation == null ? null : occupation.worker().id(),
        EstadoDetalle.of(state),
        fechaMateriales(row.catalog()),
        state.arm().estado().name(),
        state.arm().trabajador(),
        state.arm().fecha(),
        state.sold().estado().name(),
        state.sold().trabajador(),
        state.sold().fecha(),
        row.view().lastEventAt(),
        state.calidad().estado(),
        state.calidad().fechaQc(),
        state.reparacion().estado().name(),
        card.estadoTrabajo(),
        card.operacionActual(),
        card.cicloRep());
  }

  public static SpoolSummary summary(SpoolRow row) {
    SpoolState state = row.view().state();
    Occupation occupation = state.occupation();
    OperationProgress arm = state.arm();
    OperationProgress sold = state.sold();
    return new SpoolSummary(
        state.tagSpool(),
        fechaMateriales(row.catalog()),
        arm.estado().name(),
        arm.trabajador(),
        arm.fecha(),
        sold.estado().name(),
        sold.trabajador(),
        sold.fecha(),
        occupation == null ? null : occupation.worker().token(),
        occupation == null ? null : occupation.operacion(),
        occupation == null ? null : occupation.since(),
        state.version());
  }

  public static SpoolList list(List<SpoolRow> rows, String filtro) {
    return new SpoolList(rows.stream().map(Bodies::summary).toList(), rows.size(), filtro);
  }

  public static WorkerBody worker(WorkerCatalogEntry entry) {
    return new WorkerBody(
        entry.id(),
        entry.nombre(),
        entry.apellido(),
        entry.worker().token(),
        entry.roles(),
        entry.activo());
  }

  /**
   * @throws IllegalArgumentException for a spool nobody holds
   */
  public static OccupiedSpool occupied(SpoolRow row) {
    SpoolState state = row.view().state();
    Occupation occupation = state.occupation();
    if (occupation == null) {
      throw new IllegalArgumentException(state.tagSpool() + " is free");
    }
    return new OccupiedSpool(
        state.tagSpool(),
        occupation.worker().token(),
        occupation.worker().id(),
        occupation.operacion(),
        EstadoDetalle.of(state),
        occupation.since(),
        state.version());
  }

  public static History history(SpoolView view) {
    return new History(
        view.tagSpool(), view.sessions().stream().map(Bodies::session).toList(), view.version());
  }

  static SessionBody session(Session session) {
    Duration duration = session.duration();
    return new SessionBody(
        session.worker().token(),
        session.worker().id(),
        session.operacion(),
        session.start(),
        session.end(),
        session.endedBy(),
        duration == null ? null : humanDuration(duration),
        duration == null ? null : duration.toSeconds());
  }

  /** {@code 2h 15m}, {@code 45m}: the earlier system's history wording. */
  static String humanDuration(Duration duration) {
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    return hours > 0 ? hours + "h " + minutes + "m" : minutes + "m";
  }

  public static SpoolUpdateBody update(OccupationEvent event, SpoolRow row) {
    return new SpoolUpdateBody(
        event.getClass().getSimpleName(), event.eventId(), event.occurredAt(), status(row));
  }

  private static @Nullable LocalDate fechaMateriales(@Nullable SpoolCatalogEntry catalog) {
    return catalog == null ? null : catalog.fechaMateriales();
  }
}
