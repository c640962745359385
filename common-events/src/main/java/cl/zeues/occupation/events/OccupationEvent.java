package cl.zeues.occupation.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A fact about a spool's occupation, published to {@link Topics#EVENTS} keyed by {@link
 * #tagSpool()}: the source of truth every projection is rebuilt from.
 *
 * <p>Per spool, {@link #version()} runs 1, 2, 3, ... without gaps. Each event also carries the
 * facts its decision used, so the log can be audited without the catalog as it was then.
 *
 * <p>The occupation events (taken, paused, completed, cancelled, expired, released) carry {@code
 * ciclo}, the spool's repair cycle (consecutive metrology rejections, 1..3), when their operation
 * is REPARACION, and null for ARM and SOLD.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OccupationEvent.SpoolTomado.class, name = "SpoolTomado"),
  @JsonSubTypes.Type(value = OccupationEvent.SpoolPausado.class, name = "SpoolPausado"),
  @JsonSubTypes.Type(value = OccupationEvent.SpoolCompletado.class, name = "SpoolCompletado"),
  @JsonSubTypes.Type(value = OccupationEvent.SpoolCancelado.class, name = "SpoolCancelado"),
  @JsonSubTypes.Type(value = OccupationEvent.OcupacionExpirada.class, name = "OcupacionExpirada"),
  @JsonSubTypes.Type(value = OccupationEvent.OcupacionLiberada.class, name = "OcupacionLiberada"),
  @JsonSubTypes.Type(
      value = OccupationEvent.MetrologiaCompletada.class,
      name = "MetrologiaCompletada"),
  @JsonSubTypes.Type(value = OccupationEvent.SpoolDesbloqueado.class, name = "SpoolDesbloqueado")
})
public sealed interface OccupationEvent {

  UUID eventId();

  /** The command whose decision produced this event. */
  UUID commandId();

  String tagSpool();

  long version();

  /** The worker the event is about: the taker, or the occupant who paused, completed or lost it. */
  Worker worker();

  Operacion operacion();

  /**
   * Identifies one occupation from its TOMAR to its end; also the Redis lock token. An instant
   * decision that occupies nothing (metrology, an unblock) uses its command id.
   */
  UUID occupationId();

  Instant occurredAt();

  /**
   * A worker took the spool.
   *
   * @param reanudacion true when resuming paused work (the first {@code Armador}/{@code Soldador}
   *     stays)
   * @param fechaMateriales the catalog's {@code Fecha_Materiales} the decision saw
   * @param armador who initiated ARM, as the decision saw it (the SOLD prerequisite)
   */
  record SpoolTomado(
      UUID eventId,
      UUID commandId,
      String tagSpool,
      long version,
      Worker worker,
      Operacion operacion,
      UUID occupationId,
      Instant occurredAt,
      Instant leaseUntil,
      boolean reanudacion,
      @Nullable LocalDate fechaMateriales,
      @Nullable String armador,
      @Nullable Integer ciclo)
      implements OccupationEvent {}

  /** The occupant paused: the spool is free again, the work stays partial. */
  record SpoolPausado(
      UUID eventId,
      UUID commandId,
      String tagSpool,
      long version,
      Worker worker,
      Operacion operacion,
      UUID occupationId,
      Instant occurredAt,
      Instant ocupadoDesde,
      @Nullable Integer ciclo)
      implements OccupationEvent {}

  /** The occupant completed the operation on {@code fechaOperacion} (Chilean calendar date). */
  record SpoolCompletado(
      UUID eventId,
      UUID commandId,
      String tagSpool,
      long version,
      Worker worker,
      Operacion operacion,
      UUID occupationId,
      Instant occurredAt,
      Instant ocupadoDesde,
      LocalDate fechaOperacion,
      @Nullable Integer ciclo)
      implements OccupationEvent {}

  /** The occupant cancelled: the operation is pendiente again and its worker cell is cleared. */
  record SpoolCancelado(
      UUID eventId,
      UUID commandId,
      String tagSpool,
      long version,
      Worker worker,
      Operacion operacion,
      UUID occupationId,
      Instant occurredAt,
      Instant ocupadoDesde,
      @Nullable Integer ciclo)
      implements OccupationEvent {}

  /** The occupation's lease lapsed: {@code worker} lost the spool; the work stays partial. */
  record OcupacionExpirada(
      UUID eventId,
      UUID commandId,
      String tagSpool,
      long version,
      Worker worker,
      Operacion operacion,
      UUID occupationId,
      Instant occurredAt,
      Instant ocupadoDesde,
      Instant leaseUntil,
      @Nullable Integer ciclo)
      implements OccupationEvent {}

  /** An administrator force-released {@code worker}'s occupation; the work stays partial. */
  record OcupacionLiberada(
      UUID eventId,
      UUID commandId,
      String tagSpool,
      long version,
      Worker worker,
      Operacion operacion,
      UUID occupationId,
      Instant occurredAt,
      Instant ocupadoDesde,
      String admin,
      @Nullable String motivo,
      @Nullable Integer ciclo)
      implements OccupationEvent {}

  /** The maximum of consecutive metrology rejections: the third blocks the spool. */
  int MAX_CICLOS = 3;

  /**
   * A metrology inspection's result, instant (nobody occupies the spool for it).
   *
   * @param ciclo the repair cycle after this inspection: 0 when approved, the count of consecutive
   *     rejections when rejected ({@link #MAX_CICLOS} means the spool is now blocked)
   * @param fechaOperacion the inspection's date (Chilean calendar), the QC date when approved
   */
  record MetrologiaCompletada(
      UUID eventId,
      UUID commandId,
      String tagSpool,
      long version,
      Worker worker,
      Operacion operacion,
      UUID occupationId,
      Instant occurredAt,
      Resultado resultado,
      int ciclo,
      LocalDate fechaOperacion)
      implements OccupationEvent {

    /** Whether this rejection blocked the spool. */
    public boolean bloquea() {
      return resultado == Resultado.RECHAZADO && ciclo >= MAX_CICLOS;
    }
  }

  /**
   * A supervisor unblocked a spool: its cycle count restarts and it returns to metrology. {@code
   * worker} is the supervisor as {@link Worker#supervisor} records them.
   *
   * @param cicloAnterior the cycle count the spool was blocked at
   */
  record SpoolDesbloqueado(
      UUID eventId,
      UUID commandId,
      String tagSpool,
      long version,
      Worker worker,
      Operacion operacion,
      UUID occupationId,
      Instant occurredAt,
      String admin,
      @Nullable String motivo,
      int cicloAnterior)
      implements OccupationEvent {}
}
