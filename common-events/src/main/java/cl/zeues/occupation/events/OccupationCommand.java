package cl.zeues.occupation.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request to change a spool's occupation, published to {@link Topics#COMMANDS} keyed by {@link
 * #tagSpool()}. The processor decides each one exactly once per {@link #commandId()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OccupationCommand.Tomar.class, name = "TOMAR"),
  @JsonSubTypes.Type(value = OccupationCommand.Pausar.class, name = "PAUSAR"),
  @JsonSubTypes.Type(value = OccupationCommand.Completar.class, name = "COMPLETAR"),
  @JsonSubTypes.Type(value = OccupationCommand.Cancelar.class, name = "CANCELAR"),
  @JsonSubTypes.Type(value = OccupationCommand.ExpirarOcupacion.class, name = "EXPIRAR"),
  @JsonSubTypes.Type(value = OccupationCommand.LiberarOcupacion.class, name = "LIBERAR"),
  @JsonSubTypes.Type(
      value = OccupationCommand.CompletarMetrologia.class,
      name = "COMPLETAR_METROLOGIA"),
  @JsonSubTypes.Type(value = OccupationCommand.DesbloquearSpool.class, name = "DESBLOQUEAR")
})
public sealed interface OccupationCommand {

  UUID commandId();

  String tagSpool();

  /** When the client (or the sweeper) asked; the decision uses the processor's clock. */
  Instant requestedAt();

  /**
   * The device credential that sent the command (the API's authenticated caller), recorded in every
   * event decided from it; null when device credentials are off and for the lease sweeper's
   * commands.
   */
  @Nullable String dispositivo();

  /** The same command as sent by {@code dispositivo}; the API sets it before publishing. */
  OccupationCommand withDispositivo(@Nullable String dispositivo);

  /**
   * A command a worker gives about their own work on the spool: TOMAR, PAUSAR, COMPLETAR, CANCELAR
   * and the metrology result. The worker is who acts; the API puts the {@code Trabajadores} sheet's
   * worker here ({@link #withWorker}) before publishing, whatever the request called them. Not
   * itself an {@code OccupationCommand}, so the wire types stay that interface's direct permitted
   * subtypes.
   */
  sealed interface ByWorker {

    Worker worker();

    /**
     * The operation; null on PAUSAR/COMPLETAR/CANCELAR means the occupied one. Not a wire field of
     * commands that do not carry it ({@link CompletarMetrologia} is always METROLOGIA).
     */
    @Nullable Operacion operacion();

    /** The same command (same id, tag, operation and time) given by {@code worker}. */
    OccupationCommand withWorker(Worker worker);
  }

  /** A worker takes a free spool for one operation. */
  record Tomar(
      UUID commandId,
      String tagSpool,
      Worker worker,
      Operacion operacion,
      Instant requestedAt,
      @Nullable String dispositivo)
      implements OccupationCommand, ByWorker {
    /** Sent by no known device (device credentials off, tests). */
    public Tomar(
        UUID commandId, String tagSpool, Worker worker, Operacion operacion, Instant requestedAt) {
      this(commandId, tagSpool, worker, operacion, requestedAt, null);
    }

    @Override
    public Tomar withDispositivo(@Nullable String dispositivo) {
      return new Tomar(commandId, tagSpool, worker, operacion, requestedAt, dispositivo);
    }

    public Tomar {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(operacion, "operacion");
      Objects.requireNonNull(requestedAt, "requested_at");
    }

    @Override
    public Tomar withWorker(Worker worker) {
      return new Tomar(commandId, tagSpool, worker, operacion, requestedAt, dispositivo);
    }
  }

  /** The occupant releases the spool; the work stays partial. */
  record Pausar(
      UUID commandId,
      String tagSpool,
      Worker worker,
      @Nullable Operacion operacion,
      Instant requestedAt,
      @Nullable String dispositivo)
      implements OccupationCommand, ByWorker {
    /** Sent by no known device (device credentials off, tests). */
    public Pausar(
        UUID commandId,
        String tagSpool,
        Worker worker,
        @Nullable Operacion operacion,
        Instant requestedAt) {
      this(commandId, tagSpool, worker, operacion, requestedAt, null);
    }

    @Override
    public Pausar withDispositivo(@Nullable String dispositivo) {
      return new Pausar(commandId, tagSpool, worker, operacion, requestedAt, dispositivo);
    }

    public Pausar {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(requestedAt, "requested_at");
    }

    @Override
    public Pausar withWorker(Worker worker) {
      return new Pausar(commandId, tagSpool, worker, operacion, requestedAt, dispositivo);
    }
  }

  /** The occupant finishes the operation; {@code fechaOperacion} defaults to today in Chile. */
  record Completar(
      UUID commandId,
      String tagSpool,
      Worker worker,
      @Nullable Operacion operacion,
      @Nullable LocalDate fechaOperacion,
      Instant requestedAt,
      @Nullable String dispositivo)
      implements OccupationCommand, ByWorker {
    /** Sent by no known device (device credentials off, tests). */
    public Completar(
        UUID commandId,
        String tagSpool,
        Worker worker,
        @Nullable Operacion operacion,
        @Nullable LocalDate fechaOperacion,
        Instant requestedAt) {
      this(commandId, tagSpool, worker, operacion, fechaOperacion, requestedAt, null);
    }

    @Override
    public Completar withDispositivo(@Nullable String dispositivo) {
      return new Completar(
          commandId, tagSpool, worker, operacion, fechaOperacion, requestedAt, dispositivo);
    }

    public Completar {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(requestedAt, "requested_at");
    }

    @Override
    public Completar withWorker(Worker worker) {
      return new Completar(
          commandId, tagSpool, worker, operacion, fechaOperacion, requestedAt, dispositivo);
    }
  }

  /** The occupant undoes the start: the operation returns to pendiente. */
  record Cancelar(
      UUID commandId,
      String tagSpool,
      Worker worker,
      @Nullable Operacion operacion,
      Instant requestedAt,
      @Nullable String dispositivo)
      implements OccupationCommand, ByWorker {
    /** Sent by no known device (device credentials off, tests). */
    public Cancelar(
        UUID commandId,
        String tagSpool,
        Worker worker,
        @Nullable Operacion operacion,
        Instant requestedAt) {
      this(commandId, tagSpool, worker, operacion, requestedAt, null);
    }

    @Override
    public Cancelar withDispositivo(@Nullable String dispositivo) {
      return new Cancelar(commandId, tagSpool, worker, operacion, requestedAt, dispositivo);
    }

    public Cancelar {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(requestedAt, "requested_at");
    }

    @Override
    public Cancelar withWorker(Worker worker) {
      return new Cancelar(commandId, tagSpool, worker, operacion, requestedAt, dispositivo);
    }
  }

  /** Published by the lease sweeper: the named occupation's lease has lapsed. */
  record ExpirarOcupacion(UUID commandId, String tagSpool, UUID occupationId, Instant requestedAt)
      implements OccupationCommand {
    /** The sweeper's: no device sent it. */
    @Override
    public @Nullable String dispositivo() {
      return null;
    }

    @Override
    public ExpirarOcupacion withDispositivo(@Nullable String dispositivo) {
      return this;
    }

    public ExpirarOcupacion {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(occupationId, "occupation_id");
      Objects.requireNonNull(requestedAt, "requested_at");
    }
  }

  /** An administrator force-releases whatever occupation the spool has. */
  record LiberarOcupacion(
      UUID commandId,
      String tagSpool,
      String admin,
      @Nullable String motivo,
      Instant requestedAt,
      @Nullable String dispositivo)
      implements OccupationCommand {
    /** Sent by no known device (device credentials off, tests). */
    public LiberarOcupacion(
        UUID commandId,
        String tagSpool,
        String admin,
        @Nullable String motivo,
        Instant requestedAt) {
      this(commandId, tagSpool, admin, motivo, requestedAt, null);
    }

    @Override
    public LiberarOcupacion withDispositivo(@Nullable String dispositivo) {
      return new LiberarOcupacion(commandId, tagSpool, admin, motivo, requestedAt, dispositivo);
    }

    public LiberarOcupacion {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(admin, "admin");
      Objects.requireNonNull(requestedAt, "requested_at");
    }
  }

  /**
   * A metrology inspector records the instant inspection's result; {@code fechaOperacion} defaults
   * to today in Chile. Nobody occupies the spool for it.
   */
  record CompletarMetrologia(
      UUID commandId,
      String tagSpool,
      Worker worker,
      Resultado resultado,
      @Nullable LocalDate fechaOperacion,
      Instant requestedAt,
      @Nullable String dispositivo)
      implements OccupationCommand, ByWorker {
    /** Sent by no known device (device credentials off, tests). */
    public CompletarMetrologia(
        UUID commandId,
        String tagSpool,
        Worker worker,
        Resultado resultado,
        @Nullable LocalDate fechaOperacion,
        Instant requestedAt) {
      this(commandId, tagSpool, worker, resultado, fechaOperacion, requestedAt, null);
    }

    @Override
    public CompletarMetrologia withDispositivo(@Nullable String dispositivo) {
      return new CompletarMetrologia(
          commandId, tagSpool, worker, resultado, fechaOperacion, requestedAt, dispositivo);
    }

    public CompletarMetrologia {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(resultado, "resultado");
      Objects.requireNonNull(requestedAt, "requested_at");
    }

    /** Always METROLOGIA; derived, so it is not part of the command's JSON. */
    @Override
    public Operacion operacion() {
      return Operacion.METROLOGIA;
    }

    @Override
    public CompletarMetrologia withWorker(Worker worker) {
      return new CompletarMetrologia(
          commandId, tagSpool, worker, resultado, fechaOperacion, requestedAt, dispositivo);
    }
  }

  /** A supervisor unblocks a spool that metrology rejected three times in a row. */
  record DesbloquearSpool(
      UUID commandId,
      String tagSpool,
      String admin,
      @Nullable String motivo,
      Instant requestedAt,
      @Nullable String dispositivo)
      implements OccupationCommand {
    /** Sent by no known device (device credentials off, tests). */
    public DesbloquearSpool(
        UUID commandId,
        String tagSpool,
        String admin,
        @Nullable String motivo,
        Instant requestedAt) {
      this(commandId, tagSpool, admin, motivo, requestedAt, null);
    }

    @Override
    public DesbloquearSpool withDispositivo(@Nullable String dispositivo) {
      return new DesbloquearSpool(commandId, tagSpool, admin, motivo, requestedAt, dispositivo);
    }

    public DesbloquearSpool {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(admin, "admin");
      Objects.requireNonNull(requestedAt, "requested_at");
    }
  }
}
