package cl.zeues.occupation.views.model;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.model.OccupationViews.Applied;
import cl.zeues.occupation.views.testing.ShopLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OccupationViewsTest {

  static final Worker JUAN = Worker.of(94, "Juan Perez");
  static final Worker MARIA = Worker.of(93, "Maria Rojas");

  @Test
  void foldingALogGivesEachSpoolTheStateTheDomainReplays() {
    List<String> tags = ShopLog.tags("1001", 300);
    List<Worker> workers = ShopLog.workers(12).stream().map(WorkerCatalogEntry::worker).toList();
    ShopLog log = new ShopLog(42).randomWalk(tags, workers, 1_500);
    OccupationViews views = new OccupationViews();

    log.events().forEach(views::apply);

    assertThat(views.appliedCount()).isEqualTo(log.events().size());
    assertThat(views.occupied())
        .extracting(SpoolView::tagSpool)
        .containsExactlyInAnyOrderElementsOf(
            tags.stream().filter(t -> log.state(t).isOccupied()).toList())
        .isNotEmpty();
    for (String tag : tags) {
      SpoolState replayed =
          SpoolState.replay(
              tag, log.events().stream().filter(e -> e.tagSpool().equals(tag)).toList());
      assertThat(views.spool(tag).map(SpoolView::state).orElse(SpoolState.initial(tag)))
          .as(tag)
          .isEqualTo(replayed);
    }
  }

  @Test
  void sessionsRecordWhoHeldTheSpoolFromWhenToWhenAndHowItEnded() {
    ShopLog log = new ShopLog(1);
    String tag = "MK-1001-CW-00001-001";
    log.tomar(tag, JUAN, Operacion.ARM);
    log.advance(Duration.ofMinutes(135)).pausar(tag, JUAN);
    log.advance(Duration.ofMinutes(5)).tomar(tag, MARIA, Operacion.ARM);
    log.advance(Duration.ofHours(2)).completar(tag, MARIA);
    log.advance(Duration.ofMinutes(1)).tomar(tag, JUAN, Operacion.SOLD);
    OccupationViews views = new OccupationViews();

    log.events().forEach(views::apply);

    List<Session> sessions = views.spool(tag).orElseThrow().sessions();
    assertThat(sessions)
        .extracting(s -> s.worker().token(), Session::operacion, Session::endedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("JP(94)", Operacion.ARM, Session.Ending.PAUSAR),
            org.assertj.core.groups.Tuple.tuple("MR(93)", Operacion.ARM, Session.Ending.COMPLETAR),
            org.assertj.core.groups.Tuple.tuple("JP(94)", Operacion.SOLD, null));
    assertThat(sessions.getFirst().duration()).isEqualTo(Duration.ofMinutes(135));
    assertThat(sessions.getLast().isOpen()).isTrue();
    assertThat(sessions.getLast().duration()).isNull();
    SpoolView view = views.spool(tag).orElseThrow();
    assertThat(view.state().arm().estado()).isEqualTo(Estado.COMPLETADO);
    assertThat(view.lastEventAt()).isEqualTo(log.now());
    assertThat(view.version()).isEqualTo(5);
  }

  @Test
  void anAdminReleaseClosesTheSessionAsLiberacion() {
    ShopLog log = new ShopLog(1);
    String tag = "MK-1001-CW-00001-002";
    log.tomar(tag, JUAN, Operacion.ARM);
    log.advance(Duration.ofHours(1)).liberar(tag, "supervisor");
    OccupationViews views = new OccupationViews();

    log.events().forEach(views::apply);

    assertThat(views.spool(tag).orElseThrow().sessions())
        .singleElement()
        .extracting(Session::endedBy)
        .isEqualTo(Session.Ending.LIBERACION);
  }

  @Test
  void aRedeliveredEventIsSkippedAndAGapStopsTheSpoolWithoutStoppingOthers() {
    ShopLog log = new ShopLog(1);
    String a = "MK-1001-CW-00001-003";
    String b = "MK-1001-CW-00001-004";
    OccupationEvent a1 = log.tomar(a, JUAN, Operacion.ARM).getFirst();
    log.pausar(a, JUAN);
    OccupationEvent a3 = log.tomar(a, MARIA, Operacion.ARM).getFirst();
    OccupationEvent b1 = log.tomar(b, MARIA, Operacion.ARM).getFirst();
    OccupationViews views = new OccupationViews();

    assertThat(views.apply(a1)).isInstanceOf(Applied.Changed.class);
    assertThat(views.apply(a1)).isEqualTo(new Applied.Skipped(a1, OccupationViews.Skip.DUPLICATE));
    assertThat(views.apply(a3)).isEqualTo(new Applied.Skipped(a3, OccupationViews.Skip.GAP));
    assertThat(views.apply(b1)).isInstanceOf(Applied.Changed.class);

    assertThat(views.versionOf(a)).isEqualTo(1);
    assertThat(views.versionOf(b)).isEqualTo(1);
    assertThat(views.skippedCount(OccupationViews.Skip.DUPLICATE)).isEqualTo(1);
    assertThat(views.skippedCount(OccupationViews.Skip.GAP)).isEqualTo(1);
  }

  @Test
  void awaitVersionReturnsAsSoonAsTheFeedAppliesIt() throws Exception {
    ShopLog log = new ShopLog(1);
    String tag = "MK-1001-CW-00001-005";
    OccupationEvent taken = log.tomar(tag, JUAN, Operacion.ARM).getFirst();
    OccupationViews views = new OccupationViews();
    views.answered(tag, 1);

    CompletableFuture<Boolean> read =
        CompletableFuture.supplyAsync(() -> views.awaitAnswered(tag, Duration.ofSeconds(30)));
    views.apply(taken);
    views.signalAdvanced();

    assertThat(read.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(views.awaitAllAnswered(Duration.ZERO)).isTrue();
  }

  @Test
  void aVersionTheViewNeverReachesIsGivenUpAfterTheBound() {
    OccupationViews views = new OccupationViews();
    views.answered("MK-1001-CW-00001-006", 3);

    assertThat(views.awaitAnswered("MK-1001-CW-00001-006", Duration.ofMillis(50))).isFalse();
    assertThat(views.awaitAllAnswered(Duration.ofMillis(10))).isFalse();
    assertThat(views.awaitAnswered("MK-OTHER-1", Duration.ZERO)).isTrue();
  }

  @Test
  void anAnsweredVersionTheViewAlreadyHoldsIsNotWaitedFor() {
    ShopLog log = new ShopLog(1);
    String tag = "MK-1001-CW-00001-007";
    OccupationViews views = new OccupationViews();
    log.tomar(tag, JUAN, Operacion.ARM).forEach(views::apply);

    views.answered(tag, 1);

    assertThat(views.awaitAllAnswered(Duration.ZERO)).isTrue();
  }
}
