package cl.zeues.occupation.benchmarks.commands;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.benchmarks.support.Machine;
import cl.zeues.occupation.benchmarks.support.Percentiles;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CommandReportTest {

  @Test
  void everyPhaseIsComparedWithTheBaselineMeasuredTheSameWay() {
    List<PhaseResult> phases =
        List.of(
            phase("baseline @ 500/s", "baseline", 500, 500, 2.0, 10.0),
            phase("HTTP @ 500/s", "http", 500, 450, 5.0, 30.0),
            phase("baseline flat out", "baseline", null, 8000, 100, 300),
            phase("processor flat out", "kafka", null, 2000, 400, 900));

    Map<String, Map<String, Double>> figures = CommandReport.figuresWithRatios(phases);

    assertThat(figures.get("HTTP @ 500/s"))
        .containsEntry("x_p50", 2.5)
        .containsEntry("x_p99", 3.0)
        .containsEntry("x_throughput", 0.9);
    assertThat(figures.get("processor flat out"))
        .containsEntry("x_throughput", 0.25)
        .containsEntry("x_p50", 4.0);
    assertThat(figures.get("baseline @ 500/s")).doesNotContainKey("x_p50");
  }

  @Test
  void aSequentialPhaseIsComparedWithTheSequentialBaselineNotWithFlatOut() {
    List<PhaseResult> phases =
        List.of(
            phase(
                "baseline sequential", "baseline", PhaseResult.Mode.SEQUENTIAL, null, 600, 1.5, 4),
            phase("compared sequential", "compared", PhaseResult.Mode.SEQUENTIAL, null, 200, 6, 8),
            phase("HTTP sequential", "http", PhaseResult.Mode.SEQUENTIAL, null, 100, 9, 20),
            phase("baseline flat out", "baseline", PhaseResult.Mode.FLAT_OUT, null, 8000, 100, 300),
            phase("processor flat out", "kafka", PhaseResult.Mode.FLAT_OUT, null, 2000, 400, 900));

    Map<String, Map<String, Double>> figures = CommandReport.figuresWithRatios(phases);

    assertThat(figures.get("HTTP sequential")).containsEntry("x_p50", 6.0);
    assertThat(figures.get("compared sequential")).containsEntry("x_p50", 4.0);
    assertThat(figures.get("processor flat out")).containsEntry("x_p50", 4.0);
  }

  @Test
  void mediansAreTakenFigureByFigureOverRuns() {
    CommandReport report =
        new CommandReport(
            Machine.current("nothing"),
            setup(),
            List.of(run(1, 4.0), run(2, 9.0), run(3, 5.0)),
            "0 0 0");

    assertThat(report.medians().get("HTTP @ 500/s"))
        .containsEntry("p50_ms", 5.0)
        .containsEntry("tomar_p50_ms", 5.0);
    assertThat(report.table())
        .contains("-- medians of 3 runs --")
        .contains("p50 / baseline")
        .contains("TOMAR p99 (ms)")
        .contains("conflict rate");
  }

  @Test
  void answersThatContradictThePredictionAreFailures() {
    PhaseTally tally = new PhaseTally();
    Planned planned = planned();
    tally.sent();
    tally.answered(planned, "SPOOL_OCCUPIED", 0, 0, 1_000_000, Long.MAX_VALUE, true);
    PhaseResult result =
        CommandReport.result(
            "HTTP @ 500/s", "http", PhaseResult.Mode.AT_RATE, 500, 50, 20, tally, 1);

    CommandReport report =
        new CommandReport(
            Machine.current("nothing"),
            setup(),
            List.of(new CommandReport.Run(1, "MK-1", null, List.of(result))),
            "");

    assertThat(result.conflictRate()).isEqualTo(1.0);
    assertThat(report.failures())
        .singleElement()
        .asString()
        .contains("expected ACEPTADO, got SPOOL_OCCUPIED");
  }

  private static CommandReport.Run run(int run, double httpP50) {
    return new CommandReport.Run(
        run,
        "MK-" + run,
        null,
        List.of(
            phase("baseline @ 500/s", "baseline", 500, 500, 2.0, 10.0),
            phase("HTTP @ 500/s", "http", 500, 500, httpP50, 30.0)));
  }

  private static PhaseResult phase(
      String name, String path, @Nullable Integer rate, double throughput, double p50, double p99) {
    return phase(
        name,
        path,
        rate == null ? PhaseResult.Mode.FLAT_OUT : PhaseResult.Mode.AT_RATE,
        rate,
        throughput,
        p50,
        p99);
  }

  private static PhaseResult phase(
      String name,
      String path,
      PhaseResult.Mode mode,
      @Nullable Integer rate,
      double throughput,
      double p50,
      double p99) {
    Percentiles latency = new Percentiles(100, p50, p50, p99, p99, p99, p50);
    return new PhaseResult(
        name,
        path,
        mode,
        rate,
        50,
        20,
        100,
        100,
        0,
        throughput,
        latency,
        latency,
        Map.of("TOMAR", latency),
        Map.of(),
        0.05,
        0,
        List.of(),
        null,
        List.of());
  }

  private static Planned planned() {
    ShopFloor floor =
        new ShopFloor(
            SpoolTags.of("MK-1234-QX", 1).tags(),
            List.of(
                cl.zeues.occupation.events.Worker.of(1, "Ana Bravo"),
                cl.zeues.occupation.events.Worker.of(2, "Juan Perez")),
            CommandMix.parse("tomar:1", 0),
            1);
    return floor.plan(java.time.Instant.parse("2026-11-02T12:00:00Z"), false);
  }

  private static CommandReport.Setup setup() {
    return new CommandReport.Setup(
        500,
        20,
        10,
        5,
        50,
        2500,
        40000,
        2000,
        CommandMix.DEFAULT,
        0.1,
        40,
        2,
        "redis://x/7",
        "this JVM",
        null,
        42);
  }
}
