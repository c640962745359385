package cl.zeues.occupation.benchmarks.commands;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.events.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadDriverTest {

  private static final List<Worker> WORKERS =
      IntStream.rangeClosed(1, 10).mapToObj(id -> Worker.of(id, "Ana Bravo")).toList();

  /** Answers what the floor predicted, and notices a spool sent twice before its answer. */
  private static final class PredictedAnswers implements CommandPath {
    final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    final AtomicInteger overlaps = new AtomicInteger();
    final String override;

    PredictedAnswers(String override) {
      this.override = override;
    }

    @Override
    public CompletableFuture<String> submit(Planned planned) {
      if (!inFlight.add(planned.tag())) {
        overlaps.incrementAndGet();
      }
      Thread.yield();
      inFlight.remove(planned.tag());
      return CompletableFuture.completedFuture(override.isEmpty() ? planned.expected() : override);
    }

    @Override
    public void close() {}
  }

  @Test
  void atARateEveryDueCommandIsSentOnceAndNoSpoolIsInFlightTwice() {
    PredictedAnswers path = new PredictedAnswers("");
    ShopFloor floor = floor(100);

    PhaseTally tally =
        new LoadDriver(path, floor, Duration.ofSeconds(1), true)
            .atRate(2_000, 8, Duration.ofMillis(100));

    assertThat(tally.sentCount()).isEqualTo(200);
    assertThat(tally.completedCount()).isEqualTo(200);
    assertThat(tally.unexpected()).isZero();
    assertThat(path.overlaps.get()).isZero();
    assertThat(tally.outcomes()).containsKey(ShopFloor.ACCEPTED);
  }

  @Test
  void answersThatContradictThePredictionAreCountedAndTheirSpoolsLeavePlay() {
    ShopFloor floor = floor(100);

    PhaseTally tally =
        new LoadDriver(new PredictedAnswers("NO_AUTORIZADO"), floor, Duration.ofSeconds(1), true)
            .atRate(1_000, 4, Duration.ofMillis(30));

    assertThat(tally.unexpected()).isPositive();
    assertThat(tally.unexpectedSamples())
        .isNotEmpty()
        .allMatch(s -> s.contains("got NO_AUTORIZADO"));
    assertThat(floor.divergedSpools()).isEqualTo(tally.unexpected());
  }

  @Test
  void aBaselineIsNotCheckedAgainstPredictions() {
    PhaseTally tally =
        new LoadDriver(
                new PredictedAnswers(Outcome.RELAYED), floor(100), Duration.ofSeconds(1), false)
            .atRate(1_000, 4, Duration.ofMillis(30));

    assertThat(tally.unexpected()).isZero();
    assertThat(tally.outcomes()).containsOnlyKeys(Outcome.RELAYED);
  }

  @Test
  void sequentiallyOneTabletSendsOneCommandAtATimeUntilTheEnd() {
    PredictedAnswers path = new PredictedAnswers("");
    Tablet tablet = new Tablet("MK-1234-QX-00001-001", WORKERS.getFirst(), 1);

    PhaseTally tally =
        new LoadDriver(path, tablet, Duration.ofSeconds(1), true).sequential(Duration.ofMillis(20));

    assertThat(tally.completedCount()).isPositive().isEqualTo(tally.sentCount());
    assertThat(tally.unexpected()).isZero();
    assertThat(tally.outcomes()).containsOnlyKeys(ShopFloor.ACCEPTED);
    assertThat(tally.responseTimesByAction()).containsOnlyKeys("TOMAR", "PAUSAR");
    assertThat(path.overlaps.get()).isZero();
  }

  @Test
  void sequentiallyTheTabletStopsAfterAnUnexpectedAnswer() {
    Tablet tablet = new Tablet("MK-1234-QX-00001-001", WORKERS.getFirst(), 1);

    PhaseTally tally =
        new LoadDriver(new PredictedAnswers("NO_AUTORIZADO"), tablet, Duration.ofSeconds(1), true)
            .sequential(Duration.ofSeconds(5));

    assertThat(tally.sentCount()).isEqualTo(1);
    assertThat(tally.unexpected()).isEqualTo(1);
  }

  @Test
  void flatOutStopsAtTheEndOfItsWindowAndCountsEveryAnswer() {
    PhaseTally tally =
        new LoadDriver(new PredictedAnswers(""), floor(1_000), Duration.ofSeconds(1), true)
            .flatOut(50, Duration.ofMillis(50));

    assertThat(tally.sentCount()).isPositive().isEqualTo(tally.completedCount());
    assertThat(tally.unexpected()).isZero();
  }

  private static ShopFloor floor(int spools) {
    return new ShopFloor(
        SpoolTags.of("MK-1234-QX", spools).tags(),
        WORKERS,
        CommandMix.parse(CommandMix.DEFAULT, 0.1),
        5);
  }
}
