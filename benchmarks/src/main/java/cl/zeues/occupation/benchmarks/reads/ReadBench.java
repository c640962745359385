package cl.zeues.occupation.benchmarks.reads;

import cl.zeues.occupation.benchmarks.replay.EventLog;
import cl.zeues.occupation.benchmarks.support.EventGenerator;
import cl.zeues.occupation.benchmarks.support.JsonFiles;
import cl.zeues.occupation.benchmarks.support.Machine;
import cl.zeues.occupation.benchmarks.support.Medians;
import cl.zeues.occupation.benchmarks.support.Percentiles;
import cl.zeues.occupation.benchmarks.support.RatePacer;
import cl.zeues.occupation.benchmarks.support.TextTable;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reads}: the read model's rebuild from a generated log, then the tablets' read routes over
 * HTTP at a fixed offered rate (open loop: latency counts from each read's scheduled start, so a
 * stall shows), {@code --runs} measured windows after a warm-up, with the static board page on the
 * same server as the floor. Prints per route p50/p99/max per run and the medians over runs.
 */
@Command(
    name = "reads",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "The read model: rebuild time, and read latency per route at a fixed rate.")
public final class ReadBench implements Callable<Integer> {

  @Option(names = "--events", description = "events in the log (default ${DEFAULT-VALUE})")
  int events = 100_000;

  @Option(names = "--spools", description = "spools the log spans (default ${DEFAULT-VALUE})")
  int spools = 12_000;

  @Option(names = "--rate", description = "reads offered per second (default ${DEFAULT-VALUE})")
  int rate = 200;

  @Option(
      names = "--seconds",
      description = "length of a measured window (default ${DEFAULT-VALUE})")
  int seconds = 30;

  @Option(names = "--warmup", description = "unmeasured seconds first (default ${DEFAULT-VALUE})")
  int warmup = 15;

  @Option(
      names = "--tablets",
      description = "tablets (device credentials) the reads come from (default ${DEFAULT-VALUE})")
  int tablets = 40;

  @Option(names = "--runs", description = "measured windows (default ${DEFAULT-VALUE})")
  int runs = 3;

  @Option(names = "--json", description = "figures as JSON (default ${DEFAULT-VALUE})")
  Path json = Path.of("target/reads.json");

  /** One route's latency in one window, milliseconds. */
  record RouteFigures(long count, double p50, double p99, double max, long errors) {}

  record Report(
      Machine machine,
      int events,
      int spools,
      int rate,
      double rebuildSeconds,
      double rebuildEventsPerSecond,
      double appStartToLoadedSeconds,
      List<Map<String, RouteFigures>> runs,
      Map<String, Double> medianP50,
      Map<String, Double> medianP99,
      String loadAverageAtEnd) {}

  @Override
  public Integer call() throws Exception {
    Machine machine = Machine.current("the broker, the command-api and this driver");
    System.out.println(machine.describe());
    EventLog log = EventLog.generate(events, spools, 42, 0.01);
    List<String> tags = EventGenerator.tags(spools);
    try (ReadSystem system = ReadSystem.publish(log, tags)) {
      Duration rebuild = system.startApi();
      double rebuildSeconds = rebuild.toNanos() / 1e9;
      System.out.printf(
          "rebuild: %d records folded in %.2f s (%.0f events/s); command-api start to loaded %.2f s%n",
          system.rebuildEvents(),
          rebuildSeconds,
          system.rebuildEvents() / rebuildSeconds,
          system.appStartToLoaded().toNanos() / 1e9);
      List<String> wrong = system.wronglyRebuilt(log);
      if (!wrong.isEmpty()) {
        System.err.printf(
            "WRONG REBUILD: %d spools differ from the domain's replay, e.g. %s%n",
            wrong.size(), wrong.subList(0, Math.min(5, wrong.size())));
        return 1;
      }
      System.out.printf(
          "rebuilt view checked against the domain's replay: %d spools equal%n",
          log.bySpool().size());
      System.out.print(QueryCost.measure(system.queries(), tags, system.workerIds()));
      List<String> tokens = system.tabletTokens(tablets);
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      Window window = new Window(client, system.base(), tokens, tags, system.workerIds(), rate);
      window.run(warmup);
      System.out.printf("warm-up: %d s at %d reads/s (not counted)%n", warmup, rate);
      List<Map<String, RouteFigures>> measured = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        Map<String, RouteFigures> figures = window.run(seconds);
        measured.add(figures);
        System.out.printf(
            "run %d of %d: %d s at %d reads/s, load average %s%n%s",
            run, runs, seconds, rate, Machine.loadAverageNow(), table(figures));
        if (figures.get("all reads").errors() > 0) {
          System.out.printf(
              "WARNING: %d reads were not answered 200: their latency is not a read's%n",
              figures.get("all reads").errors());
        }
      }
      Map<String, Double> p50 = median(measured, RouteFigures::p50);
      Map<String, Double> p99 = median(measured, RouteFigures::p99);
      TextTable medians = new TextTable().row("route", "p50 ms", "p99 ms", "p99 / floor p99");
      double floor = p99.getOrDefault(ReadRoute.FLOOR.label, Double.NaN);
      p50.forEach(
          (route, value) ->
              medians.row(
                  route,
                  TextTable.fmt(value, 2),
                  TextTable.fmt(p99.get(route), 2),
                  TextTable.fmt(p99.get(route) / floor, 1)));
      System.out.printf("medians over %d runs:%n%s", runs, medians.render());
      JsonFiles.write(
          new Report(
              machine,
              events,
              spools,
              rate,
              rebuildSeconds,
              system.rebuildEvents() / rebuildSeconds,
              system.appStartToLoaded().toNanos() / 1e9,
              measured,
              p50,
              p99,
              Machine.loadAverageNow()),
          json);
      System.out.println("figures written to " + json);
    }
    return 0;
  }

  private static Map<String, Double> median(
      List<Map<String, RouteFigures>> runs, java.util.function.ToDoubleFunction<RouteFigures> f) {
    List<Map<String, Double>> values = new ArrayList<>();
    for (Map<String, RouteFigures> run : runs) {
      Map<String, Double> one = new LinkedHashMap<>();
      run.forEach((route, figures) -> one.put(route, f.applyAsDouble(figures)));
      values.add(one);
    }
    return Medians.ofFigures(values);
  }

  private static String table(Map<String, RouteFigures> figures) {
    TextTable table = new TextTable().row("route", "reads", "p50 ms", "p99 ms", "max ms", "errors");
    figures.forEach(
        (route, f) ->
            table.row(
                route,
                Long.toString(f.count()),
                TextTable.fmt(f.p50(), 2),
                TextTable.fmt(f.p99(), 2),
                TextTable.fmt(f.max(), 1),
                Long.toString(f.errors())));
    return table.render();
  }

  /** Reads offered at a fixed rate for a while, each from a virtual thread of its own. */
  private record Window(
      HttpClient client,
      String base,
      List<String> tokens,
      List<String> tags,
      List<Integer> workerIds,
      int rate) {

    Map<String, RouteFigures> run(int seconds) throws InterruptedException {
      Map<ReadRoute, Recorder> latency = new EnumMap<>(ReadRoute.class);
      Map<ReadRoute, LongAdder> errors = new EnumMap<>(ReadRoute.class);
      for (ReadRoute route : ReadRoute.values()) {
        latency.put(route, new Recorder(3_600_000_000L, 3));
        errors.put(route, new LongAdder());
      }
      RatePacer pacer = new RatePacer(rate);
      Random random = new Random(seconds * 31L + rate);
      long total = pacer.total(TimeUnit.SECONDS.toNanos(seconds));
      long start = System.nanoTime();
      try (ExecutorService inFlight = Executors.newVirtualThreadPerTaskExecutor()) {
        for (long i = 0; i < total; i++) {
          long scheduled = start + pacer.dueAt(i);
          LockSupport.parkNanos(scheduled - System.nanoTime());
          ReadRoute route = ReadRoute.pick(random);
          String token = tokens.get(random.nextInt(tokens.size()));
          HttpRequest request = route.request(base, token, tags, workerIds, random);
          inFlight.submit(
              () -> {
                try {
                  HttpResponse<Void> response =
                      client.send(request, HttpResponse.BodyHandlers.discarding());
                  if (response.statusCode() != 200) {
                    errors.get(route).increment();
                  }
                } catch (Exception e) {
                  errors.get(route).increment();
                }
                latency
                    .get(route)
                    .recordValue(Math.max(0, (System.nanoTime() - scheduled) / 1_000));
              });
        }
      }
      Map<String, RouteFigures> figures = new LinkedHashMap<>();
      Histogram all = Percentiles.micros();
      for (ReadRoute route : ReadRoute.values()) {
        Histogram h = latency.get(route).getIntervalHistogram();
        if (route != ReadRoute.FLOOR) {
          all.add(h);
        }
        figures.put(route.label, figures(h, errors.get(route).sum()));
      }
      long allErrors =
          errors.entrySet().stream()
              .filter(e -> e.getKey() != ReadRoute.FLOOR)
              .mapToLong(e -> e.getValue().sum())
              .sum();
      figures.put("all reads", figures(all, allErrors));
      return figures;
    }

    private static RouteFigures figures(Histogram micros, long errors) {
      Percentiles p = Percentiles.of(micros);
      return new RouteFigures(p.count(), p.p50(), p.p99(), p.max(), errors);
    }
  }
}
