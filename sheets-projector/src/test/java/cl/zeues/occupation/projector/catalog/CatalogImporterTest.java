package cl.zeues.occupation.projector.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.projector.catalog.ImportSummary.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The import run against in-memory sheets and topics. */
class CatalogImporterTest {

  final FakeSheets sheets = new FakeSheets();
  final FakeTopics topics = new FakeTopics();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final CatalogImporter importer =
      new CatalogImporter(
          sheets,
          topics,
          new CatalogImporter.SheetNames("Operaciones", "Trabajadores", "Roles"),
          0.5,
          registry,
          java.time.Clock.systemUTC());

  @Test
  void publishesOnlyWhatChanged() {
    sheets.spools("MK-1", "01-02-2026", "MK-2", "");
    assertThat(importer.importNow().spools().upserts()).isEqualTo(2);

    sheets.spools("MK-1", "01-02-2026", "MK-2", "05-02-2026");
    ImportSummary second = importer.importNow();

    assertThat(second.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(second.spools().upserts()).isEqualTo(1);
    assertThat(topics.spools.get("MK-2"))
        .isEqualTo(new SpoolCatalogEntry("MK-2", LocalDate.of(2026, 2, 5)));
    assertThat(topics.publishCalls).isEqualTo(2);
    assertThat(topics.loads).isEqualTo(1);
    assertThat(
            registry
                .get("zeues.catalog.published")
                .tags("kind", "spool", "change", "upsert")
                .counter()
                .count())
        .isEqualTo(3);
  }

  @Test
  void whatTheTopicsAlreadyHoldIsNotPublishedAgain() {
    topics.spools.put("MK-1", new SpoolCatalogEntry("MK-1", LocalDate.of(2026, 2, 1)));
    sheets.spools("MK-1", "01-02-2026");

    ImportSummary summary = importer.importNow();

    assertThat(summary.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(topics.publishCalls).isZero();
  }

  @Test
  void aMissingColumnSkipsThatCatalogRemovesNothingAndIsPartial() {
    sheets.spools("MK-1", "01-02-2026", "MK-2", "");
    importer.importNow();

    sheets.operaciones = List.of(List.of("TAG_SPOOL", "Fecha Materiales Llegada"));
    ImportSummary partial = importer.importNow();

    assertThat(partial.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(partial.spools().imported()).isFalse();
    assertThat(partial.problems())
        .singleElement()
        .asString()
        .contains("'Operaciones'", "'Fecha_Materiales'");
    assertThat(topics.spools).containsOnlyKeys("MK-1", "MK-2");
  }

  @Test
  void theWipeGuardKeepsTheCatalogAndMakesTheRunPartial() {
    sheets.spools("MK-1", "", "MK-2", "", "MK-3", "");
    importer.importNow();

    sheets.spools("MK-1", "");
    ImportSummary guarded = importer.importNow();

    assertThat(guarded.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(guarded.spools().tombstonesRefused()).isEqualTo(2);
    assertThat(topics.spools).containsOnlyKeys("MK-1", "MK-2", "MK-3");
  }

  @Test
  void aFailedReadFailsTheRunAndTheNextRunRetries() {
    sheets.spools("MK-1", "");
    sheets.failure = new CatalogImportException("Sheets answered 429 quota");

    ImportSummary failed = importer.importNow();
    sheets.failure = null;
    ImportSummary retried = importer.importNow();

    assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(failed.problems()).containsExactly("Sheets answered 429 quota");
    assertThat(retried.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(importer.lastSuccess()).contains(retried.finishedAt());
    assertThat(registry.get("zeues.catalog.imports").tag("outcome", "failed").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aFailedPublishMakesTheNextRunReadTheTopicsAgain() {
    sheets.spools("MK-1", "");
    topics.failure = new CatalogImportException("broker away");
    assertThat(importer.importNow().outcome()).isEqualTo(Outcome.FAILED);

    topics.failure = null;
    assertThat(importer.importNow().outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(topics.loads).isEqualTo(2);
    assertThat(topics.spools).containsOnlyKeys("MK-1");
  }

  static final class FakeSheets implements CatalogSheets {
    List<List<Object>> operaciones = List.of(List.of("TAG_SPOOL", "Fecha_Materiales"));
    List<List<Object>> trabajadores = List.of(List.of("Id", "Nombre", "Apellido", "Activo"));
    List<List<Object>> roles = List.of(List.of("Id", "Rol", "Activo"));
    @Nullable RuntimeException failure;

    void spools(String... tagsAndDates) {
      List<List<Object>> rows = new ArrayList<>();
      rows.add(List.of("TAG_SPOOL", "Fecha_Materiales"));
      for (int i = 0; i < tagsAndDates.length; i += 2) {
        rows.add(List.of(tagsAndDates[i], tagsAndDates[i + 1]));
      }
      operaciones = rows;
    }

    @Override
    public Rows read() {
      if (failure != null) {
        throw failure;
      }
      return new Rows(operaciones, trabajadores, roles);
    }
  }

  static final class FakeTopics implements PublishedCatalog {
    final Map<String, SpoolCatalogEntry> spools = new HashMap<>();
    final Map<String, WorkerCatalogEntry> workers = new HashMap<>();
    int loads;
    int publishCalls;
    @Nullable RuntimeException failure;

    @Override
    public Contents load() {
      loads++;
      return new Contents(spools, workers);
    }

    @Override
    public void publish(
        CatalogChanges<SpoolCatalogEntry> spoolChanges,
        CatalogChanges<WorkerCatalogEntry> workerChanges) {
      publishCalls++;
      if (failure != null) {
        throw failure;
      }
      replace(spools, spoolChanges.applyTo(spools));
      replace(workers, workerChanges.applyTo(workers));
    }

    static <T> void replace(Map<String, T> map, Map<String, T> contents) {
      map.clear();
      map.putAll(contents);
    }
  }
}
