package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.LogReader;
import cl.zeues.occupation.audit.log.ParallelDecoder;
import cl.zeues.occupation.audit.log.Progress;
import cl.zeues.occupation.audit.log.ReadStats;
import cl.zeues.occupation.events.JsonCodec;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;

/**
 * What every subcommand shares: the log's whereabouts, the output options, reading and printing.
 */
abstract class LogCommand implements Callable<Integer> {

  static final int CLEAN = 0;
  static final int FINDINGS = 1;
  static final int CANNOT_RUN = 2;

  private static final JsonCodec JSON = new JsonCodec();

  @Mixin KafkaOptions kafka = new KafkaOptions();
  @Mixin OutputOptions output = new OutputOptions();

  final ToolContext context;

  LogCommand(ToolContext context) {
    this.context = context;
  }

  /**
   * Reads and decodes the log (all partitions when {@code partitions} is null), handing every
   * record on in log order, with progress if wanted.
   */
  ReadStats readLog(@Nullable Set<Integer> partitions, Consumer<Decoded> sink) {
    try (LogReader reader = new LogReader(kafka.source())) {
      return reader.read(partitions, new ParallelDecoder(sink), progress("events"));
    }
  }

  Progress progress(String unit) {
    return new Progress(context.err(), output.progress(context), unit);
  }

  void printJson(Object document) {
    context.out().println(JSON.writeString(document));
    context.out().flush();
  }

  void println(String line) {
    context.out().println(line);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String rate(ReadStats stats) {
    return String.format(
        Locale.ROOT,
        "%s events in %.2f s (%s events/s)",
        count(stats.records()),
        stats.elapsed().toNanos() / 1e9,
        count(Math.round(stats.recordsPerSecond())));
  }

  static String seconds(java.time.Duration elapsed) {
    return String.format(Locale.ROOT, "%.2f s", elapsed.toNanos() / 1e9);
  }
}
