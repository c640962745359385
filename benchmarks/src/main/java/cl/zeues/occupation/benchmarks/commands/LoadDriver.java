package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.benchmarks.support.RatePacer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a floor's commands down a {@link CommandPath} and counts the answers: one at a time (one
 * tablet), at a fixed offered rate with a fixed number of concurrent workers (each waits for its
 * answer, as a tablet does), or flat out with a bound on the requests in flight.
 *
 * @param checked whether answers are checked against the decider's prediction (not for the
 *     baseline, which decides nothing)
 */
record LoadDriver(CommandPath path, Planner floor, Duration answerTimeout, boolean checked) {

  /**
   * One client sending the next command as soon as the previous one is answered, for {@code
   * duration} (or until the floor plans nothing more): the latency of a single tablet, with no
   * queue in front of any part of the path. The response time is the service time.
   */
  PhaseTally sequential(Duration duration) {
    PhaseTally tally = new PhaseTally();
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
      if (!sendAndWait(tally, System.nanoTime())) {
        break;
      }
    }
    return tally;
  }

  /**
   * Open loop at {@code rate}: request {@code i} is due {@code i / rate} after the start, and the
   * next free worker sends it then (or at once, late, when all were busy: the response time counts
   * from the due time, so a saturated driver shows as latency, not as a lower rate). Each worker's
   * spool is reserved until its answer, so the prediction holds under concurrency.
   */
  PhaseTally atRate(int rate, int workers, Duration duration) {
    RatePacer pacer = new RatePacer(rate);
    long total = pacer.total(duration.toNanos());
    AtomicLong next = new AtomicLong();
    PhaseTally tally = new PhaseTally();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    try (ExecutorService pool =
        Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("driver-", 0).factory())) {
      for (int w = 0; w < workers; w++) {
        pool.execute(
            () -> {
              for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                long due = start + pacer.dueAt(i);
                LockSupport.parkNanos(due - System.nanoTime());
                sendAndWait(tally, due);
              }
            });
      }
    }
    return tally;
  }

  /** Returns false when nothing could be planned. */
  private boolean sendAndWait(PhaseTally tally, long due) {
    Planned planned = floor.plan(Instant.now(), true);
    if (planned == null) {
      tally.unplanned();
      return false;
    }
    tally.sent();
    long sentAt = System.nanoTime();
    String outcome;
    try {
      outcome = path.submit(planned).get(answerTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      path.abandon(planned);
      outcome = Outcome.TIMEOUT;
    } catch (ExecutionException e) {
      outcome = Outcome.ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = Outcome.ERROR;
    }
    settle(tally, planned, outcome, due, sentAt, Long.MAX_VALUE);
    return true;
  }

  /**
   * Flat out: one publisher sends as fast as the path takes requests, never more than {@code
   * maxInFlight} unanswered, for {@code duration}; then waits (bounded) for the stragglers. A
   * single publisher keeps each spool's commands in plan order, so nothing is reserved.
   */
  PhaseTally flatOut(int maxInFlight, Duration duration) {
    PhaseTally tally = new PhaseTally();
    Semaphore inFlight = new Semaphore(maxInFlight);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    try {
      while (System.nanoTime() < end) {
        if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        Planned planned = floor.plan(Instant.now(), false);
        if (planned == null) {
          inFlight.release();
          tally.unplanned();
          break;
        }
        tally.sent();
        long sentAt = System.nanoTime();
        path.submit(planned)
            .whenComplete(
                (outcome, failure) -> {
                  settle(
                      tally,
                      planned,
                      failure != null ? Outcome.ERROR : outcome,
                      sentAt,
                      sentAt,
                      end);
                  inFlight.release();
                });
      }
      // The stragglers: counted, not in the rate.
      if (inFlight.tryAcquire(
          maxInFlight, answerTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
        inFlight.release(maxInFlight);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return tally;
  }

  private void settle(
      PhaseTally tally, Planned planned, String outcome, long due, long sentAt, long windowEnd) {
    boolean contradicts =
        tally.answered(planned, outcome, due, sentAt, System.nanoTime(), windowEnd, checked);
    // An unknown answer leaves the spool's real state unknown too: it takes no more commands.
    if (checked && (contradicts || Outcome.inconclusive(outcome))) {
      floor.diverged(planned);
    }
    floor.settle(planned);
  }
}
