package cl.zeues.occupation.localstack;

import cl.zeues.occupation.localstack.DemoShop.Spool;
import cl.zeues.occupation.localstack.DemoShop.Step;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every spool of the {@link DemoShop} to its target state by sending the tablets' real HTTP
 * commands to the command-api, so the events in Kafka, the lock state in Redis and the projected
 * sheet all come from the one event log. Spools run in parallel, each spool's commands in order.
 *
 * <p>Every command carries an {@code Idempotency-Key} derived from the tag and the step, so a
 * seeding interrupted (Ctrl-C) and run again on the next start gets the first outcomes back for
 * what was already decided and only decides the rest.
 */
final class StateSeeder {

  private static final Logger log = LoggerFactory.getLogger(StateSeeder.class);

  /** The outcome of a seeding run. */
  record Result(int spools, int commands, int failed, Duration took) {}

  private final String apiBase;
  private final int parallelism;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicInteger commands = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile boolean stopped;

  StateSeeder(String apiBase, int parallelism) {
    this.apiBase = apiBase;
    this.parallelism = parallelism;
  }

  Result seed(DemoShop shop) throws InterruptedException {
    long started = System.nanoTime();
    List<Spool> spools = shop.spools().stream().filter(s -> !shop.plan(s).isEmpty()).toList();
    Semaphore permits = new Semaphore(parallelism);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Spool spool : spools) {
        permits.acquire();
        if (stopped) {
          permits.release();
          break;
        }
        Future<?> unused =
            threads.submit(
                () -> {
                  try {
                    run(spool, shop.plan(spool));
                  } finally {
                    permits.release();
                  }
                });
      }
    }
    return new Result(
        spools.size(), commands.get(), failed.get(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Stops sending (the next start resumes where this left off). */
  void stop() {
    stopped = true;
  }

  private void run(Spool spool, List<Step> steps) {
    for (int i = 0; i < steps.size() && !stopped; i++) {
      Step step = steps.get(i);
      int status = send(spool.tag(), i, step);
      commands.incrementAndGet();
      if (status != 200) {
        if (failed.incrementAndGet() <= 5 && !stopped) {
          log.warn(
              "seeding {}: {} {} answered {} (the spool stays where it is)",
              spool.tag(),
              step.route(),
              step.worker().id(),
              status);
        }
        return;
      }
    }
  }

  private int send(String tag, int index, Step step) {
    // The tablets send the worker's XX(ID) token as worker_nombre (domain-facts 6.3).
    String body =
        "{\"tag_spool\":\""
            + tag
            + "\",\"worker_id\":"
            + step.worker().id()
            + ",\"worker_nombre\":\""
            + step.worker().token()
            + "\""
            + (step.operacion() == null ? "" : ",\"operacion\":\"" + step.operacion() + "\"")
            + (step.fecha() == null ? "" : ",\"fecha_operacion\":\"" + step.fecha() + "\"")
            + (step.resultado() == null ? "" : ",\"resultado\":\"" + step.resultado() + "\"")
            + "}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiBase + "/api/" + step.route()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "local-stack-seed:" + tag + ":" + index)
            .header("Authorization", "Bearer " + LocalStack.DEMO_ADMIN_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 202 || response.statusCode() == 503) {
          if (attempt >= 20 || stopped) {
            return response.statusCode();
          }
          // Not decided yet (202) or briefly unavailable (503): the same key asks again safely.
          LockSupport.parkNanos(Duration.ofMillis(250L * attempt).toNanos());
          continue;
        }
        return response.statusCode();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      } catch (java.io.IOException e) {
        if (attempt >= 5 || stopped) {
          return -1;
        }
        LockSupport.parkNanos(Duration.ofMillis(250L * attempt).toNanos());
      }
    }
  }
}
