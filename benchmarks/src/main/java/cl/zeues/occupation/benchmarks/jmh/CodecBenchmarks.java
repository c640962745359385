package cl.zeues.occupation.benchmarks.jmh;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
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
 * {@link JsonCodec} both ways on what crosses Kafka per decision: a TOMAR command (the API writes
 * it, the processor reads it) and the {@code SpoolTomado} event it produces (the processor writes
 * it, every projection reads it).
 *
 * <p>Jackson's read path is a lot of code for C2: on a busy 2-core machine it took 10-20 s of
 * warm-up before the reads settled (100-300 µs/op after 3 s, ~5 µs after 20 s), hence the long
 * warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmarks {

  private final JsonCodec codec = new JsonCodec();
  private final OccupationCommand command =
      new OccupationCommand.Tomar(
          UUID.randomUUID(),
          DecisionBenchmarks.TAG,
          DecisionBenchmarks.JUAN,
          Operacion.ARM,
          DecisionBenchmarks.NOW);
  private final OccupationEvent event = tomado(command);
  private final byte[] commandJson = codec.write(command);
  private final byte[] eventJson = codec.write(event);

  @Benchmark
  public byte[] encodeCommand() {
    return codec.write(command);
  }

  @Benchmark
  public OccupationCommand decodeCommand() {
    return codec.read(commandJson, OccupationCommand.class);
  }

  @Benchmark
  public byte[] encodeEvent() {
    return codec.write(event);
  }

  @Benchmark
  public OccupationEvent decodeEvent() {
    return codec.read(eventJson, OccupationEvent.class);
  }

  private static OccupationEvent tomado(OccupationCommand command) {
    Decision decision =
        new OccupationDecider(OccupationPolicy.DEFAULT)
            .decide(
                SpoolState.initial(DecisionBenchmarks.TAG),
                command,
                new SpoolCatalogEntry(DecisionBenchmarks.TAG, LocalDate.of(2026, 5, 4)),
                DecisionBenchmarks.NOW);
    return ((Decision.Accepted) decision).events().getFirst();
  }
}
