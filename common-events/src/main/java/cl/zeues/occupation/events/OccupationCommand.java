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
      UUID commandId, String tagSpool, Worker worker, Operacion operacion, Instant requestedAt)
      implements OccupationCommand, ByWorker {
    public Tomar {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(operacion, "operacion");
      Objects.requireNonNull(requestedAt, "requested_at");
    }

    @Override
    public Tomar withWorker(Worker worker) {
      return new Tomar(commandId, tagSpool, worker, operacion, requestedAt);
    }
  }

  /** The occupant releases the spool; the work stays partial. */
  record Pausar(
      UUID commandId,
      String tagSpool,
      Worker worker,
      @Nullable Operacion operacion,
      Instant requestedAt)
      implements OccupationCommand, ByWorker {
    public Pausar {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(requestedAt, "requested_at");
    }

    @Override
    public Pausar withWorker(Worker worker) {
      return new Pausar(commandId, tagSpool, worker, operacion, requestedAt);
    }
  }

  /** The occupant finishes the operation; {@code fechaOperacion} defaults to today in Chile. */
  record Completar(
      UUID commandId,
      String tagSpool,
      Worker worker,
      @Nullable Operacion operacion,
      @Nullable LocalDate fechaOperacion,
      Instant requestedAt)
      implements OccupationCommand, ByWorker {
    public Completar {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(requestedAt, "requested_at");
    }

    @Override
    public Completar withWorker(Worker worker) {
      return new Completar(commandId, tagSpool, worker, operacion, fechaOperacion, requestedAt);
    }
  }

  /** The occupant undoes the start: the operation returns to pendiente. */
  record Cancelar(
      UUID commandId,
      String tagSpool,
      Worker worker,
      @Nullable Operacion operacion,
      Instant requestedAt)
      implements OccupationCommand, ByWorker {
    public Cancelar {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(requestedAt, "requested_at");
    }

    @Override
    public Cancelar withWorker(Worker worker) {
      return new Cancelar(commandId, tagSpool, worker, operacion, requestedAt);
    }
  }

  /** Published by the lease sweeper: the named occupation's lease has lapsed. */
  record ExpirarOcupacion(UUID commandId, String tagSpool, UUID occupationId, Instant requestedAt)
      implements OccupationCommand {
    public ExpirarOcupacion {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(occupationId, "occupation_id");
      Objects.requireNonNull(requestedAt, "requested_at");
    }
  }

  /** An administrator force-releases whatever occupation the spool has. */
  record LiberarOcupacion(
      UUID commandId, String tagSpool, String admin, @Nullable String motivo, Instant requestedAt)
      implements OccupationCommand {
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
      Instant requestedAt)
      implements OccupationCommand, ByWorker {
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
          commandId, tagSpool, worker, resultado, fechaOperacion, requestedAt);
    }
  }

  /** A supervisor unblocks a spool that metrology rejected three times in a row. */
  record DesbloquearSpool(
      UUID commandId, String tagSpool, String admin, @Nullable String motivo, Instant requestedAt)
      implements OccupationCommand {
    public DesbloquearSpool {
      Objects.requireNonNull(commandId, "command_id");
      Objects.requireNonNull(tagSpool, "tag_spool");
      Objects.requireNonNull(admin, "admin");
      Objects.requireNonNull(requestedAt, "requested_at");
    }
  }
}
