package cl.zeues.occupation.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.log.EventDecoder;
import cl.zeues.occupation.audit.testing.ShopHistory;
import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFoldTest {

  private static final Instant START = Instant.parse("2026-03-02T11:00:00Z");

  @Test
  void stateAtAPastInstantStopsBeforeTheEventsAfterIt() {
    ShopHistory shop = new ShopHistory(3, START);
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.after(Duration.ofHours(2)).pausar("MK-1", ShopHistory.JUAN);
    shop.after(Duration.ofHours(1)).tomar("MK-1", ShopHistory.MARIA, Operacion.ARM);

    SpoolState during = fold(shop.events(), START.plus(Duration.ofHours(1))).state("MK-1");
    SpoolState paused = fold(shop.events(), START.plus(Duration.ofHours(2))).state("MK-1");
    SpoolState before = fold(shop.events(), START.minusSeconds(1)).state("MK-1");

    assertThat(during.version()).isEqualTo(1);
    assertThat(during.occupation().worker()).isEqualTo(ShopHistory.JUAN);
    assertThat(paused.version()).isEqualTo(2);
    assertThat(paused.isOccupied()).isFalse();
    assertThat(paused.arm().estado()).isEqualTo(Estado.PAUSADO);
    assertThat(before.version()).isZero();
    assertThat(fold(shop.events(), null).state("MK-1")).isEqualTo(shop.state("MK-1"));
  }

  @Test
  void anEventThatDoesNotFoldIsSkippedLikeTheProjectorDoes() {
    ShopHistory shop = new ShopHistory(4, START);
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.pausar("MK-1", ShopHistory.JUAN);
    shop.tomar("MK-1", ShopHistory.MARIA, Operacion.ARM);
    List<OccupationEvent> events = shop.events();
    // Version 2 lost: version 3 cannot fold, the spool stays at version 1.
    LogFold fold = fold(List.of(events.get(0), events.get(2)), null);

    assertThat(fold.state("MK-1").version()).isEqualTo(1);
    assertThat(fold.unfoldable()).isEqualTo(1);
    assertThat(fold.consistent()).isFalse();
  }

  @Test
  void theSummaryCountsOccupiedSpoolsByOperationAndWorker() {
    ShopHistory shop = new ShopHistory(5, START);
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.tomar("MK-2", ShopHistory.JUAN, Operacion.ARM);
    shop.completar("MK-2", ShopHistory.JUAN);
    shop.tomar("MK-2", ShopHistory.MARIA, Operacion.SOLD);
    shop.tomar("MK-3", ShopHistory.JUAN, Operacion.ARM);
    shop.tomar("MK-4", ShopHistory.PEDRO, Operacion.ARM);
    shop.pausar("MK-4", ShopHistory.PEDRO);

    ReplaySummary summary = ReplaySummary.of(fold(shop.events(), null).states().values());

    assertThat(summary.spools()).isEqualTo(4);
    assertThat(summary.occupied()).isEqualTo(3);
    assertThat(summary.occupiedByOperation())
        .containsEntry(Operacion.ARM, 2)
        .containsEntry(Operacion.SOLD, 1);
    assertThat(summary.occupiedByWorker())
        .containsExactly(java.util.Map.entry("JP(94)", 2), java.util.Map.entry("MS(12)", 1));
    assertThat(summary.completed()).containsEntry(Operacion.ARM, 1);
  }

  private static LogFold fold(List<OccupationEvent> events, Instant until) {
    LogFold fold = new LogFold(until, tag -> true);
    EventDecoder decoder = new EventDecoder();
    ShopHistory.records(events, 1).forEach(record -> fold.accept(decoder.decode(record)));
    return fold;
  }
}
