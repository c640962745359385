package cl.zeues.occupation.views.model;

import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The master data the sheets' catalog import publishes: spools and workers. */
public interface Catalogs {

  /** The spool's entry; a miss waits (boundedly) for the catalog to catch up with its topic. */
  Optional<SpoolCatalogEntry> spool(String tagSpool);

  /**
   * Every spool in the catalog, by tag, without waiting; may be a copy up to a second old, and the
   * same instance as long as it has not been refreshed.
   */
  Map<String, SpoolCatalogEntry> spools();

  /** Every worker in the catalog now, active or not. */
  Collection<WorkerCatalogEntry> workers();

  /** Whether both catalogs have been read to the end they had when the view started. */
  boolean isLoaded();
}
