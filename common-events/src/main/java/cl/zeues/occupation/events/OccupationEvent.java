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
 * <p>Per spool the events form a hash chain ({@link #hashAnterior()}), so an event edited or
 * removed in the log after it was written shows in {@code audit-tool verify}.
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
   * The device credential that sent the command this event was decided from (the API's
   * authenticated caller): the accountable party besides the worker. Null when device credentials
   * are off, for commands nobody sent (the lease sweeper's expiries), and in events written before
   * devices were recorded.
   */
  @Nullable String dispositivo();

  /**
   * The link to the spool's previous event: the lowercase hex SHA-256 of that event's record value
   * as published to {@link Topics#EVENTS}, or {@link EventChain#GENESIS} for a spool's first event.
   * Null in events written before the chain existed (and in the first event a processor decided on
   * a state stored before it existed). {@link EventChain} sets it; {@code audit-tool verify} checks
   * it.
   */
  @Nullable String hashAnterior();

  /** The same event linked to the spool's previous event by {@code hash}. */
  OccupationEvent withHashAnterior(String hash);

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
      @Nullable Integer ciclo,
      @Nullable String dispositivo,
      @Nullable String hashAnterior)
      implements OccupationEvent {
    /** Without a device and outside the chain: events written before either existed. */
    public SpoolTomado(
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
        @Nullable Integer ciclo) {
      this(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          leaseUntil,
          reanudacion,
          fechaMateriales,
          armador,
          ciclo,
          null,
          null);
    }

    @Override
    public SpoolTomado withHashAnterior(String hash) {
      return new SpoolTomado(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          leaseUntil,
          reanudacion,
          fechaMateriales,
          armador,
          ciclo,
          dispositivo,
          hash);
    }
  }

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
      @Nullable Integer ciclo,
      @Nullable String dispositivo,
      @Nullable String hashAnterior)
      implements OccupationEvent {
    /** Without a device and outside the chain: events written before either existed. */
    public SpoolPausado(
        UUID eventId,
        UUID commandId,
        String tagSpool,
        long version,
        Worker worker,
        Operacion operacion,
        UUID occupationId,
        Instant occurredAt,
        Instant ocupadoDesde,
        @Nullable Integer ciclo) {
      this(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          ocupadoDesde,
          ciclo,
          null,
          null);
    }

    @Override
    public SpoolPausado withHashAnterior(String hash) {
      return new SpoolPausado(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          ocupadoDesde,
          ciclo,
          dispositivo,
          hash);
    }
  }

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
      @Nullable Integer ciclo,
      @Nullable String dispositivo,
      @Nullable String hashAnterior)
      implements OccupationEvent {
    /** Without a device and outside the chain: events written before either existed. */
    public SpoolCompletado(
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
        @Nullable Integer ciclo) {
      this(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          ocupadoDesde,
          fechaOperacion,
          ciclo,
          null,
          null);
    }

    @Override
    public SpoolCompletado withHashAnterior(String hash) {
      return new SpoolCompletado(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          ocupadoDesde,
          fechaOperacion,
          ciclo,
          dispositivo,
          hash);
    }
  }

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
      @Nullable Integer ciclo,
      @Nullable String dispositivo,
      @Nullable String hashAnterior)
      implements OccupationEvent {
    /** Without a device and outside the chain: events written before either existed. */
    public SpoolCancelado(
        UUID eventId,
        UUID commandId,
        String tagSpool,
        long version,
        Worker worker,
        Operacion operacion,
        UUID occupationId,
        Instant occurredAt,
        Instant ocupadoDesde,
        @Nullable Integer ciclo) {
      this(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          ocupadoDesde,
          ciclo,
          null,
          null);
    }

    @Override
    public SpoolCancelado withHashAnterior(String hash) {
      return new SpoolCancelado(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          ocupadoDesde,
          ciclo,
          dispositivo,
          hash);
    }
  }

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
      @Nullable Integer ciclo,
      @Nullable String dispositivo,
      @Nullable String hashAnterior)
      implements OccupationEvent {
    /** Without a device and outside the chain: events written before either existed. */
    public OcupacionExpirada(
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
        @Nullable Integer ciclo) {
      this(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          ocupadoDesde,
          leaseUntil,
          ciclo,
          null,
          null);
    }

    @Override
    public OcupacionExpirada withHashAnterior(String hash) {
      return new OcupacionExpirada(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          ocupadoDesde,
          leaseUntil,
          ciclo,
          dispositivo,
          hash);
    }
  }

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
      @Nullable Integer ciclo,
      @Nullable String dispositivo,
      @Nullable String hashAnterior)
      implements OccupationEvent {
    /** Without a device and outside the chain: events written before either existed. */
    public OcupacionLiberada(
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
        @Nullable Integer ciclo) {
      this(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          ocupadoDesde,
          admin,
          motivo,
          ciclo,
          null,
          null);
    }

    @Override
    public OcupacionLiberada withHashAnterior(String hash) {
      return new OcupacionLiberada(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          ocupadoDesde,
          admin,
          motivo,
          ciclo,
          dispositivo,
          hash);
    }
  }

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
      LocalDate fechaOperacion,
      @Nullable String dispositivo,
      @Nullable String hashAnterior)
      implements OccupationEvent {

    /** Without a device and outside the chain: events written before either existed. */
    public MetrologiaCompletada(
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
        LocalDate fechaOperacion) {
      this(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          resultado,
          ciclo,
          fechaOperacion,
          null,
          null);
    }

    @Override
    public MetrologiaCompletada withHashAnterior(String hash) {
      return new MetrologiaCompletada(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          resultado,
          ciclo,
          fechaOperacion,
          dispositivo,
          hash);
    }

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
      int cicloAnterior,
      @Nullable String dispositivo,
      @Nullable String hashAnterior)
      implements OccupationEvent {
    /** Without a device and outside the chain: events written before either existed. */
    public SpoolDesbloqueado(
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
        int cicloAnterior) {
      this(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          admin,
          motivo,
          cicloAnterior,
          null,
          null);
    }

    @Override
    public SpoolDesbloqueado withHashAnterior(String hash) {
      return new SpoolDesbloqueado(
          eventId,
          commandId,
          tagSpool,
          version,
          worker,
          operacion,
          occupationId,
          occurredAt,
          admin,
          motivo,
          cicloAnterior,
          dispositivo,
          hash);
    }
  }
}
