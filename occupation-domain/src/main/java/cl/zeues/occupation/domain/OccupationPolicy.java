package cl.zeues.occupation.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The knobs of the rules.
 *
 * @param lease how long a TOMAR holds a spool before the sweeper may expire it (12 h by default:
 *     sessions last 5-8 h, and the earlier system's 1 h lease caused false expiries)
 * @param zone the shop's calendar, for the default {@code fecha_operacion} of COMPLETAR
 */
public record OccupationPolicy(Duration lease, ZoneId zone) {

  public static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  public static final OccupationPolicy DEFAULT =
      new OccupationPolicy(Duration.ofHours(12), SANTIAGO);

  public OccupationPolicy {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(zone, "zone");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, was " + lease);
    }
  }
}
