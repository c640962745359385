package cl.zeues.occupation.audit.log;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Decodes each fetched batch on every core and hands the results on in log order: parsing JSON is
 * most of the cost of reading the log, and records decode independently, while the checks that
 * follow need one ordered stream.
 */
public final class ParallelDecoder implements Consumer<List<LogRecord>> {

  private static final int PARALLEL_FROM = 512;

  private final EventDecoder decoder = new EventDecoder();
  private final Consumer<Decoded> sink;

  public ParallelDecoder(Consumer<Decoded> sink) {
    this.sink = sink;
  }

  @Override
  public void accept(List<LogRecord> batch) {
    Decoded[] decoded = new Decoded[batch.size()];
    IntStream indexes = IntStream.range(0, decoded.length);
    if (decoded.length >= PARALLEL_FROM) {
      indexes = indexes.parallel();
    }
    indexes.forEach(i -> decoded[i] = decoder.decode(batch.get(i)));
    for (Decoded record : decoded) {
      sink.accept(record);
    }
  }
}
