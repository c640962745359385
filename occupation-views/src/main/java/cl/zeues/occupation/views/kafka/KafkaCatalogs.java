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

/**
 * The spool and worker catalogs, each a {@link CompactedTopicView} of its compacted topic. The
 * whole spool catalog is copied at most once per {@link #SNAPSHOT_MAX_AGE} and shared by the reads
 * in between (the lists and batch reads would otherwise copy 2,500 entries each); a single spool is
 * looked up live.
 */
public final class KafkaCatalogs implements Catalogs, SmartLifecycle {

  /** How old the shared copy of the spool catalog may be (the import itself runs every 30 s). */
  static final Duration SNAPSHOT_MAX_AGE = Duration.ofSeconds(1);

  private record Snapshot(Map<String, SpoolCatalogEntry> spools, long takenAt) {}

  private final CompactedTopicView<SpoolCatalogEntry> spools;
  private final CompactedTopicView<WorkerCatalogEntry> workers;
  private final Admin admin;
  private volatile Snapshot snapshot = new Snapshot(Map.of(), Long.MIN_VALUE);

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
    Snapshot current = snapshot;
    long now = System.nanoTime();
    if (current.takenAt() == Long.MIN_VALUE
        || now - current.takenAt() > SNAPSHOT_MAX_AGE.toNanos()) {
      current = new Snapshot(spools.snapshot(), now);
      snapshot = current;
    }
    return current.spools();
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
