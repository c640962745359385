package cl.zeues.occupation.benchmarks.reads;

import cl.zeues.occupation.benchmarks.support.TextTable;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.views.model.SpoolQueries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * What each read model query costs in memory, without HTTP, security or JSON: the part of a read's
 * latency that is the view's own. 2,000 calls each after 2,000 unmeasured.
 */
final class QueryCost {

  private static final int WARM = 2_000;
  private static final int MEASURED = 2_000;

  private QueryCost() {}

  static String measure(SpoolQueries queries, List<String> tags, List<Integer> workerIds) {
    Random random = new Random(1);
    Map<String, Runnable> calls = new LinkedHashMap<>();
    calls.put("spool", () -> queries.spool(tags.get(random.nextInt(tags.size()))));
    calls.put(
        "batch(100)",
        () -> queries.batch(random.ints(100, 0, tags.size()).mapToObj(tags::get).toList()));
    calls.put("startable ARM", () -> queries.startable(Operacion.ARM));
    calls.put(
        "heldBy", () -> queries.heldBy(workerIds.get(random.nextInt(workerIds.size())), null));
    calls.put("occupiedNewestFirst", queries::occupiedNewestFirst);
    TextTable table = new TextTable().row("query (in memory)", "p50 µs", "p99 µs", "max µs");
    calls.forEach(
        (name, call) -> {
          Histogram micros = new Histogram(3);
          for (int i = 0; i < WARM + MEASURED; i++) {
            long start = System.nanoTime();
            call.run();
            if (i >= WARM) {
              micros.recordValue((System.nanoTime() - start) / 1_000);
            }
          }
          table.row(
              name,
              Long.toString(micros.getValueAtPercentile(50)),
              Long.toString(micros.getValueAtPercentile(99)),
              Long.toString(micros.getMaxValue()));
        });
    return table.render();
  }
}
