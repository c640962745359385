package cl.zeues.occupation.domain;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.util.UUID;

/**
 * Who holds a spool now, for which operation, since when and until when the lease runs.
 *
 * @param occupationId the TOMAR's command id; also the Redis lock token
 */
public record Occupation(
    UUID occupationId, Worker worker, Operacion operacion, Instant since, Instant leaseUntil) {

  boolean heldBy(Worker other) {
    return worker.id() == other.id();
  }

  boolean lapsedAt(Instant now) {
    return !now.isBefore(leaseUntil);
  }
}
