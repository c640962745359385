package cl.zeues.occupation.views.model;

import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Catalogs held in maps, loaded at once. */
final class FakeCatalogs implements Catalogs {

  final Map<String, SpoolCatalogEntry> spools = new LinkedHashMap<>();
  final Map<Integer, WorkerCatalogEntry> workers = new LinkedHashMap<>();
  boolean loaded = true;
  private Map<String, SpoolCatalogEntry> copy = Map.of();

  FakeCatalogs spool(SpoolCatalogEntry entry) {
    spools.put(entry.tagSpool(), entry);
    copy = Map.copyOf(spools);
    return this;
  }

  FakeCatalogs workers(List<WorkerCatalogEntry> entries) {
    entries.forEach(w -> workers.put(w.id(), w));
    return this;
  }

  @Override
  public Optional<SpoolCatalogEntry> spool(String tagSpool) {
    return Optional.ofNullable(spools.get(tagSpool));
  }

  @Override
  public Map<String, SpoolCatalogEntry> spools() {
    return copy;
  }

  @Override
  public Collection<WorkerCatalogEntry> workers() {
    return List.copyOf(workers.values());
  }

  @Override
  public boolean isLoaded() {
    return loaded;
  }
}
