package cl.zeues.occupation.projector.catalog;

import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.util.Map;

/** The catalog as the compacted topics hold it: what consumers see. */
public interface PublishedCatalog {

  /**
   * Everything the topics hold now, read from their beginning.
   *
   * @throws CatalogImportException when the topics cannot be read in time
   */
  Contents load();

  /**
   * Publishes upserts and tombstones and waits until every one is acknowledged.
   *
   * @throws CatalogImportException when any of them was not; some others may have been
   */
  void publish(
      CatalogChanges<SpoolCatalogEntry> spools, CatalogChanges<WorkerCatalogEntry> workers);

  /**
   * @param spools by tag
   * @param workers by id as text
   */
  record Contents(Map<String, SpoolCatalogEntry> spools, Map<String, WorkerCatalogEntry> workers) {
    public Contents {
      spools = Map.copyOf(spools);
      workers = Map.copyOf(workers);
    }
  }
}
