package cl.zeues.occupation.audit.history;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.testing.ShopHistory;
import cl.zeues.occupation.events.Operacion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private static final Instant START = Instant.parse("2026-03-02T11:00:00Z");

  @Test
  void eachTakeUntilItsReleaseIsOneSession() {
    ShopHistory shop = new ShopHistory(1, START);
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.after(Duration.ofMinutes(135)).pausar("MK-1", ShopHistory.JUAN);
    shop.after(Duration.ofMinutes(10)).tomar("MK-1", ShopHistory.MARIA, Operacion.ARM);
    shop.after(Duration.ofHours(5)).completar("MK-1", ShopHistory.MARIA);
    shop.tomar("MK-1", ShopHistory.PEDRO, Operacion.SOLD);

    List<Session> sessions = Sessions.of(shop.events());

    assertThat(sessions).hasSize(3);
    Session first = sessions.get(0);
    assertThat(first.worker()).isEqualTo(ShopHistory.JUAN);
    assertThat(first.operacion()).isEqualTo(Operacion.ARM);
    assertThat(first.start()).isEqualTo(START);
    assertThat(first.endedBy()).isEqualTo("PAUSAR");
    assertThat(Durations.format(first.duration(START))).isEqualTo("2h 15m");
    assertThat(sessions.get(1).reanudacion()).isTrue();
    assertThat(sessions.get(1).endedBy()).isEqualTo("COMPLETAR");
    assertThat(sessions.get(2).open()).isTrue();
    assertThat(sessions.get(2).duration(shop.now().plus(Duration.ofMinutes(42))))
        .isEqualTo(Duration.ofMinutes(42));
  }

  @Test
  void aLapsedLeaseEndsItsSessionAsExpiredWhenTheNextTakeComes() {
    ShopHistory shop = new ShopHistory(2, START);
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.after(Duration.ofHours(13)).tomar("MK-1", ShopHistory.MARIA, Operacion.ARM);
    shop.after(Duration.ofMinutes(30)).liberar("MK-1", "admin@zeues");

    List<Session> sessions = Sessions.of(shop.events());

    assertThat(sessions).extracting(Session::endedBy).containsExactly("EXPIRAR", "LIBERAR");
    assertThat(Durations.format(sessions.get(0).duration(START))).isEqualTo("13h 0m");
    assertThat(sessions.get(1).worker()).isEqualTo(ShopHistory.MARIA);
  }

  @Test
  void durationsReadLikeTheFloorSaysThem() {
    assertThat(Durations.format(Duration.ofSeconds(40))).isEqualTo("40s");
    assertThat(Durations.format(Duration.ofMinutes(45))).isEqualTo("45m");
    assertThat(Durations.format(Duration.ofMinutes(135))).isEqualTo("2h 15m");
    assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h 0m");
    assertThat(Durations.format(Duration.ofHours(27).plusMinutes(5))).isEqualTo("1d 3h 5m");
    assertThat(Durations.format(Duration.ofSeconds(-5))).isEqualTo("0s");
  }
}
