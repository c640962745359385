package cl.zeues.occupation.projector.projection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the projection can write, for readiness: DOWN while it is stopped on purpose (column
 * drift, a sheet it cannot use) so nobody trusts a sheet that is falling behind, UP otherwise.
 * Written by the writer thread, read by the health endpoint.
 */
final class ProjectionStatus implements HealthIndicator {

  private record Problem(String reason, List<String> columns) {}

  private volatile @Nullable Problem problem;
  private volatile @Nullable Instant lastFlush;
  private volatile long lag;
  private volatile long eventsProjected;

  /**
   * @return true when this cleared a problem
   */
  boolean up() {
    boolean wasDown = problem != null;
    problem = null;
    return wasDown;
  }

  /**
   * @return true when the reason is new (so it is logged once, not at every re-check)
   */
  boolean down(String reason, List<String> columns) {
    Problem current = problem;
    problem = new Problem(reason, List.copyOf(columns));
    return current == null || !current.reason().equals(reason);
  }

  boolean isUp() {
    return problem == null;
  }

  void flushed(Instant at, int events) {
    lastFlush = at;
    eventsProjected += events;
  }

  void lag(long events) {
    lag = events;
  }

  long lag() {
    return lag;
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("lag", lag);
    details.put("eventsProjected", eventsProjected);
    Instant flushed = lastFlush;
    if (flushed != null) {
      details.put("lastFlush", flushed.toString());
    }
    Problem current = problem;
    if (current == null) {
      return Health.up().withDetails(details).build();
    }
    details.put("reason", current.reason());
    details.put("columns", current.columns());
    return Health.down().withDetails(details).build();
  }
}
