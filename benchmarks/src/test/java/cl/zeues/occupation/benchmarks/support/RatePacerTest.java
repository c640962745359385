package cl.zeues.occupation.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RatePacerTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void theFirstEventIsDueAtTheStart() {
    RatePacer pacer = new RatePacer(100);

    assertThat(pacer.dueBy(0)).isEqualTo(1);
    assertThat(pacer.dueAt(0)).isZero();
  }

  @Test
  void eventsAreSpacedOneOverTheRateApart() {
    RatePacer pacer = new RatePacer(10);

    assertThat(pacer.dueAt(1)).isEqualTo(SECOND / 10);
    assertThat(pacer.dueBy(SECOND / 10 - 1)).isEqualTo(1);
    assertThat(pacer.dueBy(SECOND / 10)).isEqualTo(2);
  }

  @Test
  void aRunOffersRateTimesSecondsEvents() {
    assertThat(new RatePacer(10).total(30 * SECOND)).isEqualTo(300);
    assertThat(new RatePacer(1000).total(30 * SECOND)).isEqualTo(30_000);
    assertThat(new RatePacer(7).total(SECOND)).isEqualTo(7);
  }

  @Test
  void dueByCountsExactlyTheEventsDueAtOrBeforeTheTime() {
    RatePacer pacer = new RatePacer(3);
    for (long index = 0; index < 50; index++) {
      long at = pacer.dueAt(index);
      assertThat(pacer.dueBy(at)).as("due by event %d's time", index).isEqualTo(index + 1);
      assertThat(pacer.dueBy(at - 1)).as("just before event %d", index).isEqualTo(index);
    }
  }

  @Test
  void aPublisherThatFellBehindFindsEverythingDueAtOnce() {
    assertThat(new RatePacer(1000).dueBy(2 * SECOND)).isEqualTo(2001);
  }

  @Test
  void nothingIsDueBeforeTheStart() {
    assertThat(new RatePacer(1000).dueBy(-1)).isZero();
  }

  @Test
  void theRateMustBePositive() {
    assertThatThrownBy(() -> new RatePacer(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
