package cl.zeues.occupation.projector.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must be published so the topic says what the sheet says: entries that are new or differ
 * (upserts) and keys the sheet no longer has (tombstones).
 *
 * <p>The wipe guard: when more than {@code maxTombstoneFraction} of the published entries would be
 * removed in one run, the sheet read is more likely broken (a cleared sheet, a filter, a
 * half-pasted range) than the shop really finished that much work at once, so no tombstone is
 * published; they are reported as {@link #refusedTombstones()} instead. Upserts are published
 * either way.
 *
 * @param upserts entries to publish, by key
 * @param tombstones keys to remove, sorted
 * @param refusedTombstones keys the sheet no longer has that the wipe guard kept, sorted
 */
public record CatalogChanges<T>(
    Map<String, T> upserts, Set<String> tombstones, Set<String> refusedTombstones) {

  public CatalogChanges {
    upserts = Collections.unmodifiableMap(new LinkedHashMap<>(upserts));
    tombstones = Collections.unmodifiableSet(new TreeSet<>(tombstones));
    refusedTombstones = Collections.unmodifiableSet(new TreeSet<>(refusedTombstones));
  }

  public static <T> CatalogChanges<T> none() {
    return new CatalogChanges<>(Map.of(), Set.of(), Set.of());
  }

  /**
   * @param published what the topic holds, by key
   * @param current what the sheet holds, by key
   * @param maxTombstoneFraction 0..1, the share of {@code published} one run may remove
   */
  public static <T> CatalogChanges<T> between(
      Map<String, T> published, Map<String, T> current, double maxTombstoneFraction) {
    Map<String, T> upserts = new LinkedHashMap<>();
    current.forEach(
        (key, entry) -> {
          if (!Objects.equals(published.get(key), entry)) {
            upserts.put(key, entry);
          }
        });
    Set<String> gone = new TreeSet<>(published.keySet());
    gone.removeAll(current.keySet());
    if (gone.size() > maxTombstoneFraction * published.size()) {
      return new CatalogChanges<>(upserts, Set.of(), gone);
    }
    return new CatalogChanges<>(upserts, gone, Set.of());
  }

  public boolean isEmpty() {
    return upserts.isEmpty() && tombstones.isEmpty();
  }

  /** {@code published} after these changes. */
  public Map<String, T> applyTo(Map<String, T> published) {
    Map<String, T> after = new LinkedHashMap<>(published);
    after.keySet().removeAll(tombstones);
    after.putAll(upserts);
    return after;
  }
}
