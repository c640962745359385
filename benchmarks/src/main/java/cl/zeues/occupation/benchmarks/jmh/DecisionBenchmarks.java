package cl.zeues.occupation.benchmarks.jmh;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link OccupationDecider#decide} and {@link SpoolState#evolve} on the states a shop sees most: a
 * TOMAR of a free spool (accepted: one event, an id derived from the command's), a TOMAR of a held
 * spool (the 409), a PAUSAR by the occupant, and folding the resulting events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionBenchmarks {

  static final String TAG = "MK-1335-CW-25238-011";
  static final Instant NOW = Instant.parse("2026-06-01T13:00:00Z");
  static final Worker JUAN = Worker.of(94, "Juan Perez");
  static final Worker ANA = Worker.of(12, "Ana Bravo");

  private final OccupationDecider decider = new OccupationDecider(OccupationPolicy.DEFAULT);
  private final SpoolCatalogEntry catalog = new SpoolCatalogEntry(TAG, LocalDate.of(2026, 5, 4));
  private final SpoolState free = SpoolState.initial(TAG);
  private final OccupationCommand.Tomar tomarByJuan = tomar(JUAN);
  private final OccupationCommand.Tomar tomarByAna = tomar(ANA);
  private final OccupationEvent tomado = event(free, tomarByJuan);
  private final SpoolState held = free.evolve(tomado);
  private final OccupationCommand.Pausar pausarByJuan =
      new OccupationCommand.Pausar(UUID.randomUUID(), TAG, JUAN, null, NOW);
  private final OccupationEvent pausado = event(held, pausarByJuan);

  @Benchmark
  public Decision decideTomarFreeSpool() {
    return decider.decide(free, tomarByJuan, catalog, NOW);
  }

  @Benchmark
  public Decision decideTomarHeldSpool() {
    return decider.decide(held, tomarByAna, catalog, NOW);
  }

  @Benchmark
  public Decision decidePausarByOccupant() {
    return decider.decide(held, pausarByJuan, catalog, NOW);
  }

  @Benchmark
  public SpoolState evolveTomado() {
    return free.evolve(tomado);
  }

  @Benchmark
  public SpoolState evolvePausado() {
    return held.evolve(pausado);
  }

  private static OccupationCommand.Tomar tomar(Worker worker) {
    return new OccupationCommand.Tomar(UUID.randomUUID(), TAG, worker, Operacion.ARM, NOW);
  }

  private OccupationEvent event(SpoolState state, OccupationCommand command) {
    return ((Decision.Accepted) decider.decide(state, command, catalog, NOW)).events().getFirst();
  }
}
