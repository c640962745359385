package cl.zeues.occupation.processor.occupation.kafka;

import cl.zeues.occupation.catalog.CompactedTopicView;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.processor.occupation.SpoolCatalog;
import java.util.Optional;
import org.springframework.context.SmartLifecycle;

/**
 * The spool catalog as the compacted {@code spools.catalog} topic says, held in memory and followed
 * while the processor runs.
 */
public final class KafkaSpoolCatalog implements SpoolCatalog, SmartLifecycle {

  private final CompactedTopicView<SpoolCatalogEntry> view;

  public KafkaSpoolCatalog(CompactedTopicView<SpoolCatalogEntry> view) {
    this.view = view;
  }

  @Override
  public Optional<SpoolCatalogEntry> find(String tag) {
    return view.find(tag);
  }

  public boolean isLoaded() {
    return view.isLoaded();
  }

  public int size() {
    return view.size();
  }

  @Override
  public void start() {
    view.start();
  }

  @Override
  public void stop() {
    view.close();
  }

  @Override
  public boolean isRunning() {
    return view.isRunning();
  }

  @Override
  public int getPhase() {
    // Start before the command listener container (default phase) so the catalog is being read.
    return Integer.MIN_VALUE + 100;
  }
}
