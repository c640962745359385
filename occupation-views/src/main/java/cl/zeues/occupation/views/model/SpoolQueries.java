package cl.zeues.occupation.views.model;

import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The questions a tablet asks, answered from memory: the view for occupation and progress, the
 * catalogs for master data. Every answer first waits (up to the read-your-writes bound) for the
 * versions the API has answered, and says whether it had to give up ({@link Read#stale}).
 */
public final class SpoolQueries {

  /**
   * An answer and whether it may miss a write the API already confirmed.
   *
   * @param stale true when the read-your-writes bound passed before the view caught up
   */
  public record Read<T>(T value, boolean stale) {}

  /** A batch status: the spools found, in request order, and the tags not found. */
  public record Batch(List<SpoolRow> spools, List<String> notFound) {}

  private static final Comparator<SpoolRow> BY_TAG =
      Comparator.comparing(row -> row.view().tagSpool());
  private static final Comparator<SpoolRow> NEWEST_FIRST =
      Comparator.comparing((SpoolRow row) -> occupationOf(row).since(), Comparator.reverseOrder())
          .thenComparing(BY_TAG);

  private final OccupationViews views;
  private final Catalogs catalogs;
  private final StartFilters filters;
  private final Clock clock;
  private final Duration readYourWritesWait;
  private final LongAdder stale = new LongAdder();
  private final Map<Operacion, Startable> startable = new ConcurrentHashMap<>();
  private volatile @Nullable Occupied occupied;

  public SpoolQueries(
      OccupationViews views,
      Catalogs catalogs,
      StartFilters filters,
      Clock clock,
      Duration readYourWritesWait) {
    this.views = views;
    this.catalogs = catalogs;
    this.filters = filters;
    this.clock = clock;
    this.readYourWritesWait = readYourWritesWait;
  }

  /**
   * One spool; empty when neither the catalog nor the log knows the tag. A spool the log knows but
   * the catalog no longer lists is still answered: whoever holds it must stay visible.
   */
  public Read<Optional<SpoolRow>> spool(String tagSpool) {
    requireReady();
    boolean current = views.awaitAnswered(tagSpool, readYourWritesWait);
    Optional<SpoolCatalogEntry> catalog = catalogs.spool(tagSpool);
    Optional<SpoolView> view = views.spool(tagSpool);
    if (view.isEmpty() && catalog.isEmpty()) {
      return read(Optional.empty(), !current);
    }
    return read(
        Optional.of(
            new SpoolRow(
                view.orElseGet(() -> SpoolView.untouched(tagSpool)), catalog.orElse(null))),
        !current);
  }

  /**
   * The spools on which {@code operacion} can be started now (see {@link StartFilters}). Asking the
   * decider about every spool of the catalog is the dearest read, so its answer is reused while the
   * view has applied no event, the catalog copy is the same and the clock is in the same second.
   */
  public Read<List<SpoolRow>> startable(Operacion operacion) {
    requireReady();
    boolean current = views.awaitAllAnswered(readYourWritesWait);
    Instant now = clock.instant();
    long generation = views.appliedCount();
    Map<String, SpoolCatalogEntry> catalog = catalogs.spools();
    Startable cached = startable.get(operacion);
    if (cached != null && cached.isFor(generation, catalog, now.getEpochSecond())) {
      return read(cached.rows(), !current);
    }
    List<SpoolRow> rows = new ArrayList<>();
    for (SpoolCatalogEntry entry : catalog.values()) {
      SpoolView view =
          views.spool(entry.tagSpool()).orElseGet(() -> SpoolView.untouched(entry.tagSpool()));
      if (filters.canStart(operacion, view, entry, now)) {
        rows.add(new SpoolRow(view, entry));
      }
    }
    rows.sort(BY_TAG);
    rows = List.copyOf(rows);
    startable.put(operacion, new Startable(generation, catalog, now.getEpochSecond(), rows));
    return read(rows, !current);
  }

  /** One computed list of startable spools and what it was computed from. */
  private record Startable(
      long generation, Map<String, SpoolCatalogEntry> catalog, long second, List<SpoolRow> rows) {
    boolean isFor(long generation, Map<String, SpoolCatalogEntry> catalog, long second) {
      return this.generation == generation && this.catalog == catalog && this.second == second;
    }
  }

  public String startableDescription(Operacion operacion) {
    return filters.description(operacion);
  }

  /** The spools {@code workerId} holds now, for {@code operacion} when given. */
  public Read<List<SpoolRow>> heldBy(int workerId, @Nullable Operacion operacion) {
    requireReady();
    boolean current = views.awaitAllAnswered(readYourWritesWait);
    List<SpoolRow> rows = new ArrayList<>();
    for (SpoolRow row : occupiedRows()) {
      Occupation occupation = occupationOf(row);
      if (occupation.worker().id() == workerId
          && (operacion == null || occupation.operacion() == operacion)) {
        rows.add(row);
      }
    }
    rows.sort(BY_TAG);
    return read(rows, !current);
  }

  /** Every occupied spool, the most recently taken first. */
  public Read<List<SpoolRow>> occupiedNewestFirst() {
    requireReady();
    boolean current = views.awaitAllAnswered(readYourWritesWait);
    return read(occupiedRows(), !current);
  }

  /**
   * Every occupied spool, newest first. Sorting them is the dashboard's whole cost (milliseconds
   * with thousands held), so the list is reused while the view has applied no event and the catalog
   * copy is the same, as the startable lists are.
   */
  private List<SpoolRow> occupiedRows() {
    long generation = views.appliedCount();
    Map<String, SpoolCatalogEntry> catalog = catalogs.spools();
    Occupied cached = occupied;
    if (cached != null && cached.generation() == generation && cached.catalog() == catalog) {
      return cached.rows();
    }
    List<SpoolRow> rows = new ArrayList<>();
    for (SpoolView view : views.occupied()) {
      if (view.state().occupation() != null) {
        rows.add(new SpoolRow(view, catalog.get(view.tagSpool())));
      }
    }
    rows.sort(NEWEST_FIRST);
    List<SpoolRow> copy = List.copyOf(rows);
    occupied = new Occupied(generation, catalog, copy);
    return copy;
  }

  /** The occupied spools, newest first, and what they were computed from. */
  private record Occupied(
      long generation, Map<String, SpoolCatalogEntry> catalog, List<SpoolRow> rows) {}

  private static Occupation occupationOf(SpoolRow row) {
    Occupation occupation = row.view().state().occupation();
    if (occupation == null) {
      throw new IllegalStateException(row.view().tagSpool() + " is not occupied");
    }
    return occupation;
  }

  /**
   * Several spools at once, in the order asked (duplicates once). Tags neither the catalog nor the
   * log knows are listed apart; the catalog is not waited for here, so a spool imported a moment
   * ago may be among them until the next poll.
   */
  public Read<Batch> batch(List<String> tags) {
    requireReady();
    List<String> unique = List.copyOf(new LinkedHashSet<>(tags));
    boolean current = views.awaitAnswered(unique, readYourWritesWait);
    Map<String, SpoolCatalogEntry> catalog = catalogs.spools();
    List<SpoolRow> found = new ArrayList<>();
    List<String> notFound = new ArrayList<>();
    for (String tag : unique) {
      Optional<SpoolView> view = views.spool(tag);
      SpoolCatalogEntry entry = catalog.get(tag);
      if (view.isEmpty() && entry == null) {
        notFound.add(tag);
      } else {
        found.add(new SpoolRow(view.orElseGet(() -> SpoolView.untouched(tag)), entry));
      }
    }
    return read(new Batch(found, notFound), !current);
  }

  /** The workers the tablets may pick: active ones, by id. */
  public List<WorkerCatalogEntry> activeWorkers() {
    requireReady();
    return catalogs.workers().stream()
        .filter(WorkerCatalogEntry::activo)
        .sorted(Comparator.comparingInt(WorkerCatalogEntry::id))
        .toList();
  }

  /** Reads answered stale (the view had not reached a version the API answered). */
  public long staleCount() {
    return stale.sum();
  }

  private <T> Read<T> read(T value, boolean stale) {
    if (stale) {
      this.stale.increment();
    }
    return new Read<>(value, stale);
  }

  private void requireReady() {
    if (!views.isLoaded()) {
      throw new ViewNotReadyException(
          "La vista aún está leyendo el registro de eventos; reintente en unos segundos");
    }
    if (!catalogs.isLoaded()) {
      throw new ViewNotReadyException(
          "La vista aún está leyendo los catálogos de spools y trabajadores; reintente en unos"
              + " segundos");
    }
  }
}
