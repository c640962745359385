package cl.zeues.occupation.views.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.testing.ShopLog;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpoolQueriesTest {

  static final Worker JUAN = Worker.of(94, "Juan Perez");
  static final Worker MARIA = Worker.of(93, "Maria Rojas");

  // FREE: untouched; NO_MAT: no Fecha_Materiales; HELD: JP holds ARM; PAUSED: ARM paused;
  // ARM_DONE: ARM completed; SOLD_HELD: MR holds SOLD; DONE: ARM and SOLD completed
  static final String FREE = "MK-2001-CW-00001-001";
  static final String NO_MAT = "MK-2001-CW-00001-002";
  static final String HELD = "MK-2001-CW-00001-003";
  static final String PAUSED = "MK-2001-CW-00001-004";
  static final String ARM_DONE = "MK-2001-CW-00001-005";
  static final String SOLD_HELD = "MK-2001-CW-00001-006";
  static final String DONE = "MK-2001-CW-00001-007";
  static final String LOG_ONLY = "MK-2001-CW-00001-008";

  final OccupationViews views = new OccupationViews();
  final FakeCatalogs catalogs = new FakeCatalogs();
  ShopLog log;
  SpoolQueries queries;

  @BeforeEach
  void shop() {
    log = new ShopLog(7);
    log.tomar(HELD, JUAN, Operacion.ARM);
    log.advance(Duration.ofMinutes(1)).tomar(PAUSED, JUAN, Operacion.ARM);
    log.advance(Duration.ofMinutes(1)).pausar(PAUSED, JUAN);
    log.advance(Duration.ofMinutes(1)).tomar(ARM_DONE, MARIA, Operacion.ARM);
    log.advance(Duration.ofMinutes(1)).completar(ARM_DONE, MARIA);
    log.advance(Duration.ofMinutes(1)).tomar(DONE, MARIA, Operacion.ARM);
    log.advance(Duration.ofMinutes(1)).completar(DONE, MARIA);
    log.advance(Duration.ofMinutes(1)).tomar(DONE, MARIA, Operacion.SOLD);
    log.advance(Duration.ofMinutes(1)).completar(DONE, MARIA);
    log.advance(Duration.ofMinutes(1)).tomar(SOLD_HELD, JUAN, Operacion.ARM);
    log.advance(Duration.ofMinutes(1)).pausar(SOLD_HELD, JUAN);
    log.advance(Duration.ofMinutes(1)).tomar(SOLD_HELD, MARIA, Operacion.SOLD);
    log.advance(Duration.ofMinutes(1)).tomar(LOG_ONLY, JUAN, Operacion.ARM);
    log.events().forEach(views::apply);
    views.markLoaded();
    for (String tag : List.of(FREE, HELD, PAUSED, ARM_DONE, SOLD_HELD, DONE)) {
      catalogs.spool(new SpoolCatalogEntry(tag, ShopLog.MATERIALES));
    }
    catalogs.spool(new SpoolCatalogEntry(NO_MAT, null));
    catalogs.workers(ShopLog.workers(8));
    queries =
        new SpoolQueries(
            views,
            catalogs,
            new StartFilters(),
            Clock.fixed(log.now().plusSeconds(60), ZoneOffset.UTC),
            Duration.ofMillis(20));
  }

  static List<String> tags(List<SpoolRow> rows) {
    return rows.stream().map(r -> r.view().tagSpool()).toList();
  }

  @Test
  void armCanStartOnFreeOrPausedSpoolsWithMaterialsAndArmNotCompleted() {
    assertThat(tags(queries.startable(Operacion.ARM).value())).containsExactly(FREE, PAUSED);
  }

  @Test
  void soldCanStartOnceArmWasInitiatedAndTheSpoolIsFree() {
    assertThat(tags(queries.startable(Operacion.SOLD).value())).containsExactly(PAUSED, ARM_DONE);
  }

  @Test
  void aLapsedLeaseMakesAHeldSpoolStartableAgain() {
    var later =
        new SpoolQueries(
            views,
            catalogs,
            new StartFilters(),
            Clock.fixed(log.now().plus(Duration.ofHours(13)), ZoneOffset.UTC),
            Duration.ZERO);

    assertThat(tags(later.startable(Operacion.ARM).value())).contains(HELD);
  }

  @Test
  void aStartableListReusedWithinTheSecondFollowsEveryEventAndCatalogChange() {
    assertThat(tags(queries.startable(Operacion.ARM).value())).containsExactly(FREE, PAUSED);

    log.tomar(FREE, JUAN, Operacion.ARM).forEach(views::apply);
    assertThat(tags(queries.startable(Operacion.ARM).value())).containsExactly(PAUSED);

    String imported = "MK-2001-CW-00001-000";
    catalogs.spool(new SpoolCatalogEntry(imported, ShopLog.MATERIALES));
    assertThat(tags(queries.startable(Operacion.ARM).value())).containsExactly(imported, PAUSED);
  }

  @Test
  void metrologiaListsWeldedSpoolsAndARejectionMovesThemToReparacion() {
    assertThat(tags(queries.startable(Operacion.METROLOGIA).value())).containsExactly(DONE);
    assertThat(queries.startable(Operacion.REPARACION).value()).isEmpty();
    assertThat(queries.startableDescription(Operacion.METROLOGIA)).startsWith("METROLOGIA:");

    log.decide(
            new OccupationCommand.CompletarMetrologia(
                UUID.randomUUID(), DONE, JUAN, Resultado.RECHAZADO, null, log.now()))
        .forEach(views::apply);

    assertThat(queries.startable(Operacion.METROLOGIA).value()).isEmpty();
    assertThat(tags(queries.startable(Operacion.REPARACION).value())).containsExactly(DONE);
    assertThat(queries.startableDescription(Operacion.REPARACION)).startsWith("REPARACION:");
  }

  @Test
  void heldByListsWhatAWorkerHoldsOptionallyForOneOperation() {
    assertThat(tags(queries.heldBy(94, null).value())).containsExactly(HELD, LOG_ONLY);
    assertThat(tags(queries.heldBy(93, Operacion.SOLD).value())).containsExactly(SOLD_HELD);
    assertThat(queries.heldBy(93, Operacion.ARM).value()).isEmpty();
  }

  @Test
  void theDashboardListsEveryOccupiedSpoolNewestFirst() {
    assertThat(tags(queries.occupiedNewestFirst().value()))
        .containsExactly(LOG_ONLY, SOLD_HELD, HELD);
  }

  @Test
  void aSpoolIsFoundByCatalogOrLogAndAnUnknownTagIsNot() {
    assertThat(queries.spool(FREE).value()).get().extracting(r -> r.view().version()).isEqualTo(0L);
    assertThat(queries.spool(LOG_ONLY).value())
        .get()
        .satisfies(r -> assertThat(r.catalog()).isNull());
    assertThat(queries.spool("NO-SUCH-1").value()).isEmpty();
  }

  @Test
  void aBatchAnswersInRequestOrderOnceEachAndListsUnknownTagsApart() {
    var batch = queries.batch(List.of(DONE, "NO-SUCH-1", FREE, DONE)).value();

    assertThat(tags(batch.spools())).containsExactly(DONE, FREE);
    assertThat(batch.notFound()).containsExactly("NO-SUCH-1");
  }

  @Test
  void aReadWaitsForAnAnsweredVersionAndSaysWhenItGaveUp() {
    views.answered(FREE, 1);

    var read = queries.spool(FREE);

    assertThat(read.stale()).isTrue();
    assertThat(read.value()).get().extracting(r -> r.view().version()).isEqualTo(0L);
    assertThat(queries.startable(Operacion.ARM).stale()).isTrue();
    assertThat(queries.spool(HELD).stale()).isFalse();
    assertThat(queries.staleCount()).isEqualTo(2);
  }

  @Test
  void onlyActiveWorkersAreListedById() {
    assertThat(queries.activeWorkers())
        .extracting(WorkerCatalogEntry::id)
        .containsExactly(10, 11, 12, 13, 14, 15, 17);
  }

  @Test
  void nothingIsAnsweredBeforeTheLogAndTheCatalogsAreRead() {
    catalogs.loaded = false;
    assertThatThrownBy(() -> queries.spool(FREE)).isInstanceOf(ViewNotReadyException.class);

    OccupationViews loading = new OccupationViews();
    catalogs.loaded = true;
    var early =
        new SpoolQueries(loading, catalogs, new StartFilters(), Clock.systemUTC(), Duration.ZERO);
    assertThatThrownBy(() -> early.heldBy(94, null)).isInstanceOf(ViewNotReadyException.class);
  }
}
