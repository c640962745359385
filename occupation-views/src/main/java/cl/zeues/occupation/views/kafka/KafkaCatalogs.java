package cl.zeues.occupation.views.kafka;

import cl.zeues.occupation.catalog.CompactedTopicView;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.model.Catalogs;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.SmartLifecycle;

/** The spool and worker catalogs, each a {@link CompactedTopicView} of its compacted topic. */
public final class KafkaCatalogs implements Catalogs, SmartLifecycle {

  private final CompactedTopicView<SpoolCatalogEntry> spools;
  private final CompactedTopicView<WorkerCatalogEntry> workers;
  private final Admin admin;

  /** Owns {@code admin} (the views' end-offset lookups) and closes it on stop. */
  public KafkaCatalogs(
      CompactedTopicView<SpoolCatalogEntry> spools,
      CompactedTopicView<WorkerCatalogEntry> workers,
      Admin admin) {
    this.spools = spools;
    this.workers = workers;
    this.admin = admin;
  }

  @Override
  public Optional<SpoolCatalogEntry> spool(String tagSpool) {
    return spools.find(tagSpool);
  }

  @Override
  public Map<String, SpoolCatalogEntry> spools() {
    return spools.snapshot();
  }

  @Override
  public Collection<WorkerCatalogEntry> workers() {
    return workers.snapshot().values();
  }

  @Override
  public boolean isLoaded() {
    return spools.isLoaded() && workers.isLoaded();
  }

  public int spoolCount() {
    return spools.size();
  }

  public int workerCount() {
    return workers.size();
  }

  @Override
  public void start() {
    spools.start();
    workers.start();
  }

  @Override
  public void stop() {
    spools.close();
    workers.close();
    admin.close(Duration.ofSeconds(2));
  }

  @Override
  public boolean isRunning() {
    return spools.isRunning() && workers.isRunning();
  }
}
