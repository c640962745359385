package cl.zeues.occupation.benchmarks.projection;

import cl.zeues.occupation.sheetsemulator.faults.EmulatorStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one run.
 *
 * @param run the run's name, e.g. {@code 100 ev/s}
 * @param offeredRate the rate asked for, events per second
 * @param achievedRate events offered divided by the publishing time
 * @param publishSeconds how long publishing took
 * @param offered events published
 * @param landed distinct events whose {@code Metadata} row appeared, by the end of the bench
 * @param duplicates {@code Metadata} rows repeating an event id, by the end of the bench
 * @param sendFailures events the producer failed to publish
 * @param requests the projector's Sheets requests during the run (every attempt, by kind)
 * @param emulator what the emulator counted during the run
 * @param writeRequestsPerEvent (batchUpdate + append) attempts per offered event
 * @param requestsPerEvent (batchGet + batchUpdate + append) attempts per offered event
 * @param eventsPerFlush offered events per landed flush
 * @param lag publish to row visible, per event
 * @param caughtUpAfterLastPublishSeconds from the last publish to the last row seen; null when the
 *     rows did not all land within the bounded wait
 * @param spoolsTouched spools the run's events touched
 * @param spoolRowsBehind of those, {@code Operaciones} rows whose {@code version} cell is not the
 *     spool's latest version once the run caught up
 * @param storm the 429 storm of the storm run, else null
 */
record RunResult(
    String run,
    int offeredRate,
    double achievedRate,
    double publishSeconds,
    long offered,
    long landed,
    long duplicates,
    long sendFailures,
    Requests requests,
    EmulatorCounts emulator,
    double writeRequestsPerEvent,
    double requestsPerEvent,
    double eventsPerFlush,
    Lag lag,
    @Nullable Double caughtUpAfterLastPublishSeconds,
    int spoolsTouched,
    int spoolRowsBehind,
    @Nullable Storm storm) {

  boolean correct() {
    return landed == offered && duplicates == 0 && sendFailures == 0 && spoolRowsBehind == 0;
  }

  /** Lag percentiles in milliseconds. */
  record Lag(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {
    static Lag of(Histogram micros) {
      if (micros.getTotalCount() == 0) {
        return new Lag(0, 0, 0, 0, 0);
      }
      return new Lag(
          micros.getTotalCount(),
          ms(micros.getValueAtPercentile(50)),
          ms(micros.getValueAtPercentile(90)),
          ms(micros.getValueAtPercentile(99)),
          ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
      return Math.round(micros / 100.0) / 10.0;
    }
  }

  /**
   * The projector's own counts ({@code zeues.projection.sheets.requests} by kind, all outcomes;
   * {@code zeues.projection.flush} for flushes and their total time, retries included).
   */
  record Requests(
      long batchGet,
      long batchUpdate,
      long append,
      long rateLimited,
      long serverErrors,
      long flushes,
      double flushMillis) {

    static Requests read(MeterRegistry registry) {
      long get = 0;
      long update = 0;
      long append = 0;
      long limited = 0;
      long errors = 0;
      for (Counter counter : registry.find("zeues.projection.sheets.requests").counters()) {
        long count = (long) counter.count();
        String kind = String.valueOf(counter.getId().getTag("kind"));
        String outcome = String.valueOf(counter.getId().getTag("outcome"));
        switch (kind) {
          case "batchGet" -> get += count;
          case "batchUpdate" -> update += count;
          case "append" -> append += count;
          default -> {}
        }
        if (outcome.equals("rate_limited")) {
          limited += count;
        } else if (!outcome.equals("success")) {
          errors += count;
        }
      }
      Timer flush = registry.find("zeues.projection.flush").timer();
      return new Requests(
          get,
          update,
          append,
          limited,
          errors,
          flush == null ? 0 : flush.count(),
          flush == null ? 0 : flush.totalTime(TimeUnit.MILLISECONDS));
    }

    Requests minus(Requests before) {
      return new Requests(
          batchGet - before.batchGet,
          batchUpdate - before.batchUpdate,
          append - before.append,
          rateLimited - before.rateLimited,
          serverErrors - before.serverErrors,
          flushes - before.flushes,
          flushMillis - before.flushMillis);
    }

    /** Mean time to land one flush, retries included. */
    double flushMillisMean() {
      return flushes == 0 ? 0 : Math.round(flushMillis / flushes);
    }

    long writes() {
      return batchUpdate + append;
    }

    long all() {
      return batchGet + batchUpdate + append;
    }
  }

  /** The emulator's counters: requests served (reads, writes) and answered 429. */
  record EmulatorCounts(long reads, long writes, long rateLimited) {
    static EmulatorCounts of(EmulatorStats stats) {
      return new EmulatorCounts(stats.reads(), stats.writes(), stats.rateLimited());
    }

    EmulatorCounts minus(EmulatorCounts before) {
      return new EmulatorCounts(
          reads - before.reads, writes - before.writes, rateLimited - before.rateLimited);
    }
  }

  /**
   * The storm: every write answered 429 from {@code startedAfterSeconds} (after the run's first
   * publish) for {@code seconds}.
   *
   * @param caughtUpAfterStormSeconds from the storm's end to the last row seen; negative if the
   *     rows were all in before it ended; null if they did not all land within the bounded wait
   */
  record Storm(
      double seconds,
      double startedAfterSeconds,
      long answered429,
      @Nullable Double caughtUpAfterStormSeconds) {}
}
