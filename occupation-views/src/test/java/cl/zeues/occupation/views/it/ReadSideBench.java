package cl.zeues.occupation.views.it;

import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.EventUpcasters;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.kafka.EventFeed;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.model.SpoolQueries;
import cl.zeues.occupation.views.testing.ShopLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints figures, asserts no speed (run it on purpose: {@code mvn -B -o -pl occupation-views -am
 * verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReadSideBench
 * -Dfailsafe.failIfNoSpecifiedTests=false}; settings {@code -Dbench.events}, {@code -Dbench.rate},
 * {@code -Dbench.seconds}).
 *
 * <ol>
 *   <li>Rebuild: a log of {@code bench.events} (100,000) events over 12,000 spools (a catalog of
 *       the 2,500 in flight) is published, then the app starts; the feed's own time from start to
 *       loaded, and the in-memory fold of the same events without Kafka (3 runs), are printed. The
 *       rebuilt view is checked against the generator's states: a wrong rebuild fails the run.
 *   <li>Reads: {@code bench.rate} (200) reads/s, open loop (latency measured from each read's
 *       scheduled start, so a stall shows), for {@code bench.seconds} (30) after 10 s of warm-up,
 *       over a tablet-like mix of the read routes; p50/p99/max per route.
 * </ol>
 */
class ReadSideBench {

  static final int EVENTS = Integer.getInteger("bench.events", 100_000);
  static final int RATE = Integer.getInteger("bench.rate", 200);
  static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  static final int SPOOLS = 12_000;
  static final int CATALOG = 2_500;

  @Test
  void rebuildAndReadLatency() throws Exception {
    SharedBroker kafka = SharedBroker.get();
    List<String> tags = ShopLog.tags("8801", SPOOLS);
    List<String> catalog = tags.subList(tags.size() - CATALOG, tags.size());
    List<Worker> workers = ShopLog.workers(50).stream().map(WorkerCatalogEntry::worker).toList();
    ShopLog log = new ShopLog(8801, Instant.now().minus(Duration.ofDays(400)));
    // a year of history, then a shop where ~150 spools are held (as 50 workers would)
    log.randomWalk(tags, workers, EVENTS - 5_000).releaseAllBut(150);
    log.churnHeld(EVENTS - log.events().size());
    List<OccupationEvent> events = log.events();
    long published = System.nanoTime();
    kafka.publishWorkers(ShopLog.workers(50));
    kafka.publishSpools(ShopLog.catalog(catalog).values());
    kafka.publish(events);
    System.out.printf(
        "bench: %d events over %d spools published in %d ms%n",
        events.size(), SPOOLS, (System.nanoTime() - published) / 1_000_000);

    long starting = System.nanoTime();
    try (ConfigurableApplicationContext app =
        ViewsTestApplication.start(
            kafka.brokers(),
            // server-side time per route over the last ~20-30 s (the measured phase)
            "management.metrics.distribution.percentiles.http.server.requests=0.5,0.99",
            "management.metrics.distribution.expiry.http.server.requests=10s",
            "management.metrics.distribution.buffer-length.http.server.requests=3")) {
      OccupationViews views = app.getBean(OccupationViews.class);
      EventFeed feed = app.getBean(EventFeed.class);
      await().atMost(Duration.ofMinutes(10)).until(views::isLoaded);
      long ready = System.nanoTime();
      System.out.printf(
          "bench: rebuild from the log: %d records in %d ms (feed start to loaded; %.0f events/s);"
              + " app start to loaded %d ms%n",
          feed.rebuildEvents(),
          feed.rebuildTime().toMillis(),
          feed.rebuildEvents() / (feed.rebuildTime().toNanos() / 1e9),
          (ready - starting) / 1_000_000);
      for (String tag : tags) {
        if (!views
            .spool(tag)
            .map(v -> v.state().equals(log.state(tag)))
            .orElse(log.state(tag).version() == 0)) {
          throw new AssertionError("WRONG REBUILD: " + tag + " differs from the log");
        }
      }
      JsonCodec codec = new JsonCodec();
      List<byte[]> encoded = events.stream().map(codec::write).toList();
      for (int run = 1; run <= 3; run++) {
        long decode = System.nanoTime();
        encoded.forEach(bytes -> codec.readEvent(bytes, null, EventUpcasters.NONE));
        System.out.printf(
            "bench: JSON decode of %d events (run %d): %d ms%n",
            encoded.size(), run, (System.nanoTime() - decode) / 1_000_000);
      }
      for (int run = 1; run <= 3; run++) {
        System.gc();
        long heapBefore = usedHeap();
        OccupationViews fresh = new OccupationViews();
        long fold = System.nanoTime();
        events.forEach(fresh::apply);
        long foldMs = (System.nanoTime() - fold) / 1_000_000;
        System.gc();
        System.out.printf(
            "bench: in-memory fold of %d events (run %d): %d ms; the view holds ~%d MB of heap"
                + " (%d spools)%n",
            events.size(), run, foldMs, (usedHeap() - heapBefore) >> 20, fresh.size());
      }
      queries(app.getBean(SpoolQueries.class), catalog, workers);
      reads(ViewsTestApplication.port(app), catalog, workers);
      System.out.printf(
          "bench: server-side time per route (Micrometer, last ~20-30 s), µs%n  %-44s %7s %8s %8s %8s%n",
          "uri", "count", "p50", "p99", "max");
      for (Timer timer : app.getBean(MeterRegistry.class).find("http.server.requests").timers()) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (ValueAtPercentile value : snapshot.percentileValues()) {
          if (value.percentile() == 0.5) {
            p50 = value.value(TimeUnit.MICROSECONDS);
          } else if (value.percentile() == 0.99) {
            p99 = value.value(TimeUnit.MICROSECONDS);
          }
        }
        System.out.printf(
            "  %-44s %7d %8.0f %8.0f %8.0f%n",
            timer.getId().getTag("method") + " " + timer.getId().getTag("uri"),
            timer.count(),
            p50,
            p99,
            snapshot.max(TimeUnit.MICROSECONDS));
      }
    }
  }

  /**
   * What each query costs in memory, without HTTP or JSON: 2,000 calls each after 2,000 unmeasured.
   */
  static void queries(SpoolQueries queries, List<String> catalog, List<Worker> workers) {
    Random random = new Random(1);
    Map<String, Runnable> calls = new LinkedHashMap<>();
    calls.put("spool", () -> queries.spool(catalog.get(random.nextInt(catalog.size()))));
    calls.put(
        "batch(100)",
        () -> queries.batch(random.ints(100, 0, catalog.size()).mapToObj(catalog::get).toList()));
    calls.put("startable ARM", () -> queries.startable(Operacion.ARM));
    calls.put(
        "heldBy", () -> queries.heldBy(workers.get(random.nextInt(workers.size())).id(), null));
    calls.put("occupiedNewestFirst", queries::occupiedNewestFirst);
    System.out.printf(
        "bench: in-memory query cost (no HTTP, no JSON), µs%n  %-20s %8s %8s %8s%n",
        "query", "p50", "p99", "max");
    calls.forEach(
        (name, call) -> {
          Histogram h = new Histogram(3);
          for (int i = 0; i < 4_000; i++) {
            long t = System.nanoTime();
            call.run();
            if (i >= 2_000) {
              h.recordValue((System.nanoTime() - t) / 1_000);
            }
          }
          System.out.printf(
              "  %-20s %8d %8d %8d%n",
              name, h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue());
        });
  }

  static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  record Route(String name, int weight) {}

  static void reads(int port, List<String> catalog, List<Worker> workers) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String base = "http://127.0.0.1:" + port;
    List<Route> mix =
        List.of(
            new Route("status", 35),
            new Route("batch-status(100)", 15),
            new Route("ocupados", 15),
            new Route("iniciar ARM", 10),
            new Route("dashboard", 10),
            new Route("history", 10),
            new Route("workers", 5));
    Random random = new Random(8801);
    Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    mix.forEach(r -> recorders.put(r.name(), new Recorder(3)));
    AtomicLong errors = new AtomicLong();
    Map<String, Long> failures = new ConcurrentHashMap<>();
    Map<String, LongAdder> bytes = new ConcurrentHashMap<>();
    mix.forEach(r -> bytes.put(r.name(), new LongAdder()));
    for (boolean measured : new boolean[] {false, true}) {
      int seconds = measured ? SECONDS : 10;
      recorders.values().forEach(Recorder::reset);
      bytes.values().forEach(LongAdder::reset);
      long interval = 1_000_000_000L / RATE;
      long start = System.nanoTime();
      int total = seconds * RATE;
      var inFlight = Executors.newVirtualThreadPerTaskExecutor();
      for (int i = 0; i < total; i++) {
        long scheduled = start + i * interval;
        LockSupport.parkNanos(scheduled - System.nanoTime());
        Route route = pick(mix, random);
        HttpRequest request = request(base, route.name(), catalog, workers, random);
        inFlight.submit(
            () -> {
              try {
                HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                  errors.incrementAndGet();
                }
                bytes.get(route.name()).add(response.body().length());
              } catch (Exception e) {
                errors.incrementAndGet();
                failures.merge(e.getClass().getSimpleName(), 1L, Long::sum);
              }
              recorders.get(route.name()).recordValue((System.nanoTime() - scheduled) / 1_000);
            });
      }
      inFlight.shutdown();
      inFlight.awaitTermination(1, TimeUnit.MINUTES);
      if (measured) {
        Histogram all = new Histogram(3);
        System.out.printf(
            "bench: reads at %d/s for %d s (open loop, µs from scheduled start), errors %d %s%n",
            RATE, seconds, errors.get(), failures);
        System.out.printf(
            "  %-18s %7s %8s %8s %8s %9s%n", "route", "count", "p50", "p99", "max", "avg bytes");
        Map<String, Histogram> byRoute = new LinkedHashMap<>();
        mix.forEach(r -> byRoute.put(r.name(), recorders.get(r.name()).getIntervalHistogram()));
        byRoute.forEach(
            (name, h) -> {
              all.add(h);
              print(name, h, bytes.get(name).sum() / Math.max(1, h.getTotalCount()));
            });
        print(
            "all",
            all,
            bytes.values().stream().mapToLong(LongAdder::sum).sum() / all.getTotalCount());
      }
    }
  }

  static void print(String name, Histogram h, long avgBytes) {
    System.out.printf(
        "  %-18s %7d %8d %8d %8d %9d%n",
        name,
        h.getTotalCount(),
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(99),
        h.getMaxValue(),
        avgBytes);
  }

  static Route pick(List<Route> mix, Random random) {
    int roll = random.nextInt(mix.stream().mapToInt(Route::weight).sum());
    for (Route route : mix) {
      roll -= route.weight();
      if (roll < 0) {
        return route;
      }
    }
    throw new IllegalStateException();
  }

  static HttpRequest request(
      String base, String route, List<String> catalog, List<Worker> workers, Random random) {
    String tag = catalog.get(random.nextInt(catalog.size()));
    String path =
        switch (route) {
          case "status" -> "/api/occupation/status/" + tag;
          case "ocupados" ->
              "/api/spools/ocupados?worker_id=" + workers.get(random.nextInt(workers.size())).id();
          case "iniciar ARM" -> "/api/spools/iniciar?operacion=ARM";
          case "dashboard" -> "/api/dashboard/occupied";
          case "history" -> "/api/history/" + tag;
          case "workers" -> "/api/workers";
          default -> null;
        };
    if (path != null) {
      return HttpRequest.newBuilder(URI.create(base + path)).GET().build();
    }
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      batch.add(catalog.get(random.nextInt(catalog.size())));
    }
    String body =
        batch.stream()
            .map(t -> "\"" + t + "\"")
            .collect(Collectors.joining(",", "{\"tags\":[", "]}"));
    return HttpRequest.newBuilder(URI.create(base + "/api/spools/batch-status"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
