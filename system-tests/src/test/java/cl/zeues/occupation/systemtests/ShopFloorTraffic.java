package cl.zeues.occupation.systemtests;

import cl.zeues.occupation.events.Operacion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.awaitility.Awaitility;

/**
 * Tablets working a set of spools until told to stop: each client thread sends TOMAR (50 %), PAUSAR
 * (30 %) or COMPLETAR (20 %) for a spool three workers compete for, from its own seeded generator,
 * each request under a fresh Idempotency-Key, pausing a little between requests (people tap, they
 * do not flood). With {@code retryUnanswered}, a request that got no HTTP answer (the API was
 * restarting) is sent again under the same key, as a tablet's retry would.
 */
final class ShopFloorTraffic implements AutoCloseable {

  private final ClientLedger ledger;
  private final List<String> tags;
  private final String run;
  private final Duration pause;
  private final boolean retryUnanswered;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> clients = new ArrayList<>();

  private ShopFloorTraffic(
      ClientLedger ledger, List<String> tags, String run, Duration pause, boolean retry) {
    this.ledger = ledger;
    this.tags = List.copyOf(tags);
    this.run = run;
    this.pause = pause;
    this.retryUnanswered = retry;
  }

  /** Starts {@code clients} tablets over {@code tags}; keys are unique per {@code run}. */
  static ShopFloorTraffic start(
      ClientLedger ledger,
      List<String> tags,
      String run,
      int clients,
      Duration pause,
      boolean retryUnanswered) {
    ShopFloorTraffic traffic = new ShopFloorTraffic(ledger, tags, run, pause, retryUnanswered);
    for (int c = 0; c < clients; c++) {
      int client = c;
      traffic.clients.add(
          Thread.ofPlatform().name("tablet-" + c).start(() -> traffic.work(client)));
    }
    return traffic;
  }

  private void work(int client) {
    RandomGenerator random =
        RandomGeneratorFactory.of("L64X128MixRandom").create(run.hashCode() + client);
    for (int i = 0; !stop.get(); i++) {
      int spool = random.nextInt(tags.size());
      String tag = tags.get(spool);
      int worker = 1 + (spool * 3 + random.nextInt(3)) % 30;
      int roll = random.nextInt(100);
      String action = roll < 50 ? "tomar" : roll < 80 ? "pausar" : "completar";
      Operacion operacion = random.nextInt(3) == 0 ? Operacion.SOLD : Operacion.ARM;
      String body = Tablets.body(tag, worker, action.equals("tomar") ? operacion : null, null);
      String key = run + "-" + client + "-" + i;
      ClientLedger.Call call = ledger.send(action, tag, worker, body, key);
      long retryUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (retryUnanswered && !call.answered() && System.nanoTime() < retryUntil) {
        rest(Duration.ofMillis(250));
        call = ledger.send(action, tag, worker, body, key);
      }
      rest(pause);
    }
  }

  private static void rest(Duration duration) {
    try {
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the clients have sent at least {@code requests} requests in all. */
  void awaitRequests(int requests, Duration within) {
    Awaitility.await().atMost(within).until(() -> ledger.size() >= requests);
  }

  /** Waits until {@code answers} more requests than now were answered {@code status}. */
  void awaitMore(int status, int answers, Duration within) {
    long before = count(status);
    Awaitility.await().atMost(within).until(() -> count(status) >= before + answers);
  }

  private long count(int status) {
    return ledger.calls().stream().filter(c -> c.status() == status).count();
  }

  /** Stops the clients and waits for their last request (each is bounded by the HTTP timeout). */
  @Override
  public void close() {
    stop.set(true);
    for (Thread client : clients) {
      try {
        if (!client.join(Duration.ofSeconds(120))) {
          throw new IllegalStateException(client.getName() + " did not stop");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted stopping the tablets", e);
      }
    }
  }
}
