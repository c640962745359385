package cl.zeues.occupation.views.kafka;

import cl.zeues.occupation.views.model.OccupationViews;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the read side: OUT_OF_SERVICE until the log and both catalogs are read, DOWN if the
 * feed stopped on an error (the view no longer follows the log), UP otherwise.
 */
final class ViewsHealthIndicator implements HealthIndicator {

  private final OccupationViews views;
  private final EventFeed feed;
  private final KafkaCatalogs catalogs;

  ViewsHealthIndicator(OccupationViews views, EventFeed feed, KafkaCatalogs catalogs) {
    this.views = views;
    this.feed = feed;
    this.catalogs = catalogs;
  }

  @Override
  public Health health() {
    Health.Builder health;
    if (feed.hasFailed()) {
      health = Health.down();
    } else if (views.isLoaded() && catalogs.isLoaded()) {
      health = Health.up();
    } else {
      health = Health.outOfService();
    }
    Duration rebuild = feed.rebuildTime();
    if (rebuild != null) {
      health.withDetail("rebuildMillis", rebuild.toMillis());
      health.withDetail("rebuildEvents", feed.rebuildEvents());
    }
    return health
        .withDetail("spools", views.size())
        .withDetail("eventsApplied", views.appliedCount())
        .withDetail("catalogSpools", catalogs.spoolCount())
        .withDetail("catalogWorkers", catalogs.workerCount())
        .build();
  }
}
