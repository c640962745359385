package cl.zeues.occupation.benchmarks;

import cl.zeues.occupation.benchmarks.commands.CommandBench;
import cl.zeues.occupation.benchmarks.jmh.JmhBench;
import cl.zeues.occupation.benchmarks.projection.ProjectionBench;
import cl.zeues.occupation.benchmarks.reads.ReadBench;
import cl.zeues.occupation.benchmarks.replay.ReplayBench;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The exec jar's entry point: the first word names the bench, the rest are its options.
 *
 * <pre>
 *   projection   the sheets projector: requests per event, lag, 429 storm
 *   commands     the command path under load beside a raw Kafka baseline
 *   replay       rebuilding spool state from 1,000,000 events
 *   reads        the read model: rebuild time, read latency per route at 200 reads/s
 *   jmh          JMH micro-benchmarks of the decider, the state fold and the JSON codec
 * </pre>
 */
public final class Benchmarks {

  static final String USAGE =
      """
      usage: java -jar benchmarks-<version>-exec.jar <bench> [options]   (<bench> --help for options)
        projection   the sheets projector: Sheets requests per event, lag, a 429 storm
        commands     the command path (HTTP, processor) under load beside a raw Kafka baseline
        replay       rebuilding spool state from 1,000,000 generated events (events/s)
        reads        the read model: rebuild from 100,000 events, read latency per route at a rate
        jmh          JMH: OccupationDecider.decide, SpoolState.evolve, JsonCodec (JMH's own options)
      """;

  private Benchmarks() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "projection" -> ProjectionBench.main(args);
      case "commands" -> System.exit(new CommandLine(new CommandBench()).execute(rest));
      case "replay" -> System.exit(new CommandLine(new ReplayBench()).execute(rest));
      case "reads" -> System.exit(new CommandLine(new ReadBench()).execute(rest));
      case "jmh" -> System.exit(JmhBench.run(rest));
      case "-h", "--help", "help" -> {
        System.out.print(USAGE);
        System.exit(0);
      }
      default -> {
        System.err.println("unknown bench '" + args[0] + "'");
        System.err.print(USAGE);
        System.exit(2);
      }
    }
  }
}
