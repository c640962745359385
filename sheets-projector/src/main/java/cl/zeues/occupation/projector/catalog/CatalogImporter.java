package cl.zeues.occupation.projector.catalog;

import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.projector.catalog.ImportSummary.Kind;
import cl.zeues.occupation.projector.catalog.ImportSummary.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One catalog import: read the three sheets in one request, turn them into spool and worker
 * entries, compare with what the topics hold, publish only the differences.
 *
 * <p>What the topics hold is read from them once (so a restart republishes nothing that did not
 * change) and then kept up to date with what this importer publishes. A failed publish forgets it,
 * so the next run reads the topics again rather than trust a half-known state. Runs are serialized:
 * a run on demand waits for a scheduled one and the other way round.
 *
 * <p>Metrics: {@code zeues.catalog.imports} (tag {@code outcome}: success, partial, failed), {@code
 * zeues.catalog.published} (tags {@code kind}: spool, worker; {@code change}: upsert, tombstone),
 * {@code zeues.catalog.last.success} (time of the last successful run), {@code
 * zeues.catalog.entries} (tag {@code kind}: entries the topic holds as far as this importer knows).
 */
public class CatalogImporter {

  private static final Logger log = LoggerFactory.getLogger(CatalogImporter.class);

  private final CatalogSheets sheets;
  private final PublishedCatalog topics;
  private final SheetNames names;
  private final double maxTombstoneFraction;
  private final MeterRegistry registry;
  private final Clock clock;

  private volatile PublishedCatalog.@Nullable Contents published;
  private volatile @Nullable ImportSummary lastRun;
  private volatile @Nullable Instant lastSuccess;

  /** The sheet names, as {@code zeues.sheets.*} configures them. */
  public record SheetNames(String operaciones, String trabajadores, String roles) {}

  public CatalogImporter(
      CatalogSheets sheets,
      PublishedCatalog topics,
      SheetNames names,
      double maxTombstoneFraction,
      MeterRegistry registry,
      Clock clock) {
    this.sheets = sheets;
    this.topics = topics;
    this.names = names;
    this.maxTombstoneFraction = maxTombstoneFraction;
    this.registry = registry;
    this.clock = clock;
    TimeGauge.builder(
            "zeues.catalog.last.success",
            this,
            TimeUnit.MILLISECONDS,
            importer -> {
              Instant success = importer.lastSuccess;
              return success == null ? Double.NaN : success.toEpochMilli();
            })
        .description("when the last catalog import succeeded (epoch)")
        .register(registry);
    for (Outcome outcome : Outcome.values()) {
      imports(outcome);
    }
    for (String kind : List.of("spool", "worker")) {
      published(kind, "upsert");
      published(kind, "tombstone");
    }
    Gauge.builder("zeues.catalog.entries", this, importer -> importer.known(true))
        .tag("kind", "spool")
        .description("catalog entries the topic holds, as far as the importer knows")
        .register(registry);
    Gauge.builder("zeues.catalog.entries", this, importer -> importer.known(false))
        .tag("kind", "worker")
        .description("catalog entries the topic holds, as far as the importer knows")
        .register(registry);
  }

  /** Runs one import now and says what it did. Never throws: failures are in the summary. */
  public synchronized ImportSummary importNow() {
    Instant started = clock.instant();
    ImportSummary summary;
    try {
      summary = run(started);
    } catch (RuntimeException e) {
      // CatalogImportException is the expected kind; anything else is a bug, but a scheduled
      // import must survive it and the next run must start clean.
      published = null;
      String problem = e instanceof CatalogImportException ? e.getMessage() : e.toString();
      if (e instanceof CatalogImportException) {
        log.error("catalog import failed, the next run retries: {}", problem);
      } else {
        log.error("catalog import failed, the next run retries", e);
      }
      summary =
          new ImportSummary(
              Outcome.FAILED,
              started,
              clock.instant(),
              Kind.NOT_IMPORTED,
              Kind.NOT_IMPORTED,
              List.of(String.valueOf(problem)));
    }
    imports(summary.outcome()).increment();
    if (summary.outcome() == Outcome.SUCCESS) {
      lastSuccess = summary.finishedAt();
    }
    lastRun = summary;
    return summary;
  }

  /** The last run's summary, if any ran. */
  public Optional<ImportSummary> lastRun() {
    return Optional.ofNullable(lastRun);
  }

  public Optional<Instant> lastSuccess() {
    return Optional.ofNullable(lastSuccess);
  }

  private ImportSummary run(Instant started) {
    CatalogSheets.Rows rows = sheets.read();
    SheetImport<SpoolCatalogEntry> spoolSheet =
        SpoolSheet.read(names.operaciones(), rows.operaciones());
    SheetImport<WorkerCatalogEntry> workerSheet =
        WorkerSheets.read(names.trabajadores(), rows.trabajadores(), names.roles(), rows.roles());
    List<String> problems = new ArrayList<>();
    report(spoolSheet, "spools", problems);
    report(workerSheet, "workers", problems);

    PublishedCatalog.Contents before = published != null ? published : topics.load();
    published = before;
    CatalogChanges<SpoolCatalogEntry> spoolChanges =
        changes(spoolSheet, before.spools(), "spools.catalog", problems);
    CatalogChanges<WorkerCatalogEntry> workerChanges =
        changes(workerSheet, before.workers(), "workers.catalog", problems);

    if (!spoolChanges.isEmpty() || !workerChanges.isEmpty()) {
      published = null;
      topics.publish(spoolChanges, workerChanges);
      published =
          new PublishedCatalog.Contents(
              spoolChanges.applyTo(before.spools()), workerChanges.applyTo(before.workers()));
      count("spool", spoolChanges);
      count("worker", workerChanges);
      log.info(
          "catalog import published spools {} upserts {} tombstones, workers {} upserts {}"
              + " tombstones",
          spoolChanges.upserts().size(),
          spoolChanges.tombstones().size(),
          workerChanges.upserts().size(),
          workerChanges.tombstones().size());
    } else {
      log.debug("catalog import: nothing changed");
    }
    return new ImportSummary(
        problems.isEmpty() ? Outcome.SUCCESS : Outcome.PARTIAL,
        started,
        clock.instant(),
        kind(spoolSheet, spoolChanges),
        kind(workerSheet, workerChanges),
        problems);
  }

  private static void report(SheetImport<?> sheet, String what, List<String> problems) {
    switch (sheet) {
      case SheetImport.Read<?> read -> read.warnings().forEach(warning -> log.warn("{}", warning));
      case SheetImport.MissingColumns<?> missing -> {
        String problem =
            missing.describe()
                + ": "
                + what
                + " not imported (nothing published or removed) until it is fixed";
        log.error("catalog import: {}", problem);
        problems.add(problem);
      }
    }
  }

  private <T> CatalogChanges<T> changes(
      SheetImport<T> sheet, Map<String, T> before, String topic, List<String> problems) {
    if (!(sheet instanceof SheetImport.Read<T> read)) {
      return CatalogChanges.none();
    }
    CatalogChanges<T> changes =
        CatalogChanges.between(before, read.entries(), maxTombstoneFraction);
    if (!changes.refusedTombstones().isEmpty()) {
      String problem =
          "%d of the %d entries of %s are no longer in the sheet, more than the %.0f%% one import may remove: none removed (wipe guard; check the sheet, or raise zeues.catalog.max-tombstone-fraction for one run)"
              .formatted(
                  changes.refusedTombstones().size(),
                  before.size(),
                  topic,
                  maxTombstoneFraction * 100);
      log.error("catalog import: {}", problem);
      problems.add(problem);
    }
    return changes;
  }

  private void count(String kind, CatalogChanges<?> changes) {
    published(kind, "upsert").increment(changes.upserts().size());
    published(kind, "tombstone").increment(changes.tombstones().size());
  }

  private Counter imports(Outcome outcome) {
    return Counter.builder("zeues.catalog.imports")
        .description("catalog import runs")
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  private Counter published(String kind, String change) {
    return Counter.builder("zeues.catalog.published")
        .description("catalog entries published")
        .tag("kind", kind)
        .tag("change", change)
        .register(registry);
  }

  private static Kind kind(SheetImport<?> sheet, CatalogChanges<?> changes) {
    if (!(sheet instanceof SheetImport.Read<?> read)) {
      return Kind.NOT_IMPORTED;
    }
    return new Kind(
        true,
        read.entries().size(),
        changes.upserts().size(),
        changes.tombstones().size(),
        changes.refusedTombstones().size());
  }

  private double known(boolean spools) {
    PublishedCatalog.Contents contents = published;
    if (contents == null) {
      return Double.NaN;
    }
    return spools ? contents.spools().size() : contents.workers().size();
  }
}
