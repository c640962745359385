package cl.zeues.occupation.api.occupation.kafka;

import cl.zeues.occupation.api.occupation.WorkerDirectory;
import cl.zeues.occupation.catalog.CompactedTopicView;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * The workers as the compacted {@code workers.catalog} topic says (imported from the sheets), held
 * in memory. Also the {@code workerDirectory} readiness check: not ready until loaded.
 */
final class KafkaWorkerDirectory implements WorkerDirectory, SmartLifecycle, HealthIndicator {

  private final CompactedTopicView<WorkerCatalogEntry> view;
  private final Admin admin;

  /** Owns {@code admin} (the view's end-offset lookups) and closes it on stop. */
  KafkaWorkerDirectory(CompactedTopicView<WorkerCatalogEntry> view, Admin admin) {
    this.view = view;
    this.admin = admin;
  }

  @Override
  public Optional<WorkerCatalogEntry> activeWorker(int id) {
    return view.find(String.valueOf(id)).filter(WorkerCatalogEntry::activo);
  }

  @Override
  public Health health() {
    return (view.isLoaded() ? Health.up() : Health.outOfService())
        .withDetail("workers", view.size())
        .build();
  }

  @Override
  public void start() {
    view.start();
  }

  @Override
  public void stop() {
    view.close();
    admin.close(Duration.ofSeconds(2));
  }

  @Override
  public boolean isRunning() {
    return view.isRunning();
  }
}
