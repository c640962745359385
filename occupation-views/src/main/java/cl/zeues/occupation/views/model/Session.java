package cl.zeues.occupation.views.model;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One occupation of a spool, from its TOMAR to whatever ended it.
 *
 * @param occupationId the TOMAR's occupation id, which every event ending it carries
 * @param end null while the worker still holds the spool
 * @param endedBy null while open
 */
public record Session(
    UUID occupationId,
    Worker worker,
    Operacion operacion,
    Instant start,
    @Nullable Instant end,
    @Nullable Ending endedBy) {

  /** How a session ended, in the shop's words. */
  public enum Ending {
    PAUSAR,
    COMPLETAR,
    CANCELAR,
    /** The lease lapsed and the sweeper ended it. */
    EXPIRACION,
    /** An administrator force-released it. */
    LIBERACION
  }

  static Session opened(UUID occupationId, Worker worker, Operacion operacion, Instant start) {
    return new Session(occupationId, worker, operacion, start, null, null);
  }

  Session closed(Instant at, Ending how) {
    return new Session(occupationId, worker, operacion, start, at, how);
  }

  public boolean isOpen() {
    return end == null;
  }

  /** Start to end; null while open. */
  public @Nullable Duration duration() {
    return end == null ? null : Duration.between(start, end);
  }
}
