package cl.zeues.occupation.audit.history;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One occupation of a spool, from its TOMAR to the event that ended it.
 *
 * @param end null while the occupation is still open
 * @param endedBy the ending event's action ({@code PAUSAR}, {@code COMPLETAR}, {@code CANCELAR},
 *     {@code EXPIRAR}, {@code LIBERAR}); null while open
 * @param reanudacion the TOMAR resumed paused work
 */
public record Session(
    UUID occupationId,
    Worker worker,
    Operacion operacion,
    Instant start,
    @Nullable Instant end,
    @Nullable String endedBy,
    boolean reanudacion) {

  public boolean open() {
    return end == null;
  }

  /** How long it lasted; for an open session, until {@code now}. */
  public Duration duration(Instant now) {
    Instant last = end != null ? end : now;
    return last.isBefore(start) ? Duration.ZERO : Duration.between(start, last);
  }
}
