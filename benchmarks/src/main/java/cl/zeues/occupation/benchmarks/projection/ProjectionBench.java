package cl.zeues.occupation.benchmarks.projection;

import cl.zeues.occupation.benchmarks.projection.RunResult.EmulatorCounts;
import cl.zeues.occupation.benchmarks.projection.RunResult.Lag;
import cl.zeues.occupation.benchmarks.projection.RunResult.Requests;
import cl.zeues.occupation.benchmarks.projection.RunResult.Storm;
import cl.zeues.occupation.benchmarks.support.EventGenerator;
import cl.zeues.occupation.benchmarks.support.Machine;
import cl.zeues.occupation.benchmarks.support.RatePacer;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.projector.projection.ProjectionSettings;
import cl.zeues.occupation.projector.sheets.SheetsSettings;
import cl.zeues.occupation.sheets.HeaderNames;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.grid.Cell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * {@code projection}: how many Sheets requests the sheets projector spends per event, how far
 * behind the log its rows appear, and what a minute of 429s does to it, at a few offered rates.
 * Prints a table and writes the same figures as JSON. Asserts nothing about speed; missing or
 * duplicated rows after the bounded wait are printed loudly and make the exit status 1.
 */
public final class ProjectionBench {

  private static final long PROGRESS_EVERY = TimeUnit.SECONDS.toNanos(10);

  private final BenchOptions options;
  private final List<String> tags;
  private final Map<String, Integer> rowOf = new HashMap<>();
  private final EventGenerator generator;
  private final BenchSystem system;
  private final MetadataWatcher watcher;
  private final String versionColumn;

  /** A run's figures taken when it caught up (or gave up); rows are counted again at the end. */
  private record Measured(
      RunTally tally,
      int rate,
      double publishSeconds,
      long sendFailures,
      Requests requests,
      EmulatorCounts emulator,
      @Nullable Double caughtUpAfter,
      int touched,
      int behind,
      @Nullable Storm storm) {}

  private ProjectionBench(BenchOptions options, List<String> tags, BenchSystem system) {
    this.options = options;
    this.tags = tags;
    for (int i = 0; i < tags.size(); i++) {
      rowOf.put(tags.get(i), i + 2);
    }
    this.generator = new EventGenerator(tags, options.seed());
    this.system = system;
    SheetsSettings sheets = system.projectorBean(SheetsSettings.class);
    this.watcher =
        new MetadataWatcher(
            system.emulator(), BenchSystem.SPREADSHEET, sheets.metadata(), options.pollInterval());
    this.versionColumn =
        HeaderNames.letters(ShopSpreadsheet.OPERACIONES_HEADERS.indexOf("version"));
  }

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("projection: " + e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    Machine machine = Machine.current("broker, emulator, projector and publisher");
    System.out.println(machine.describe());
    List<String> tags = EventGenerator.tags(options.spools());
    long started = System.nanoTime();
    Report report;
    try (BenchSystem system = BenchSystem.start(tags, options.projectorArgs())) {
      ProjectionBench bench = new ProjectionBench(options, tags, system);
      System.out.printf(
          "%nstarted in %.1f s: broker %s, sheets emulator %s, projector consuming%n",
          seconds(System.nanoTime() - started), system.brokers(), system.emulator().rootUrl());
      report = bench.run(machine);
    } catch (RuntimeException e) {
      System.err.println("projection: the bench failed: " + e);
      e.printStackTrace();
      System.exit(1);
      return;
    }
    System.out.println();
    System.out.print(report.table());
    try {
      report.writeJson(options.json());
      System.out.println("JSON: " + options.json().toAbsolutePath());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not write " + options.json() + ": " + e);
    }
    System.out.printf("total time %.0f s%n", seconds(System.nanoTime() - started));
    List<String> failures = report.failures();
    if (!failures.isEmpty()) {
      System.out.println();
      System.out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      System.out.println("!!! CORRECTNESS FAILURE: the projection lost or repeated events    !!!");
      failures.forEach(failure -> System.out.println("!!!   " + failure));
      System.out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      System.exit(1);
    }
    System.exit(0);
  }

  private Report run(Machine machine) {
    ProjectionSettings projection = system.projectorBean(ProjectionSettings.class);
    SheetsSettings sheets = system.projectorBean(SheetsSettings.class);
    Report.Setup setup =
        new Report.Setup(
            options.spools(),
            options.seconds().toSeconds(),
            options.pollInterval().toMillis(),
            system.emulator().faults().writesPerMinute(),
            sheets.writesPerMinute(),
            projection.maxEvents(),
            projection.maxWait().toString(),
            projection.backoffInitial().toString(),
            projection.backoffMax().toString(),
            options.seed(),
            options.projectorArgs());
    List<RunResult> results = new ArrayList<>();
    List<Measured> measured = new ArrayList<>();
    try (watcher) {
      for (int rate : options.rates()) {
        measured.add(measure(rate + " ev/s", rate, null));
      }
      if (options.storm()) {
        measured.add(
            measure(
                "storm " + options.stormRate() + " ev/s",
                options.stormRate(),
                options.stormSeconds()));
      }
      // Late rows (or late duplicates) still count: one more look after everything settled.
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
      watcher.lookNow();
      for (Measured run : measured) {
        results.add(result(run));
      }
      return new Report(machine, setup, results, watcher.unknownRows(), Machine.loadAverageNow());
    }
  }

  /** Publishes one run, waits (bounded) for its rows, and takes its figures. */
  private Measured measure(String name, int rate, @Nullable Duration storm) {
    RunTally tally = new RunTally(name);
    Requests requestsBefore = Requests.read(system.projectorMeters());
    EmulatorCounts emulatorBefore = EmulatorCounts.of(system.emulator().stats());
    long failuresBefore = system.sendFailures();
    RatePacer pacer = new RatePacer(rate);
    long total = pacer.total(options.seconds().toNanos());
    long stormDelay = storm == null ? Long.MAX_VALUE : options.stormDelay().toNanos();
    long stormStarted = 0;
    EmulatorCounts emulatorAtStorm = emulatorBefore;
    Set<String> touched = new LinkedHashSet<>();
    System.out.printf(
        "%n[%s] publishing %d events over %d spools for %d s%n",
        name, total, tags.size(), options.seconds().toSeconds());

    long start = System.nanoTime();
    long nextProgress = start + PROGRESS_EVERY;
    long sent = 0;
    while (true) {
      long now = System.nanoTime();
      if (storm != null && stormStarted == 0 && now - start >= stormDelay) {
        emulatorAtStorm = EmulatorCounts.of(system.emulator().stats());
        system.emulator().startRateLimitStorm(storm);
        stormStarted = System.nanoTime();
        System.out.printf(
            "[%s] storm: every write answered 429 for %d s from now%n", name, storm.toSeconds());
      }
      long due = Math.min(total, pacer.dueBy(now - start));
      while (sent < due) {
        for (OccupationEvent event : generator.next(Instant.now())) {
          watcher.publishing(event.eventId().toString(), tally);
          system.publish(event);
          touched.add(event.tagSpool());
          sent++;
        }
      }
      if (now >= nextProgress) {
        progress(name, tally);
        nextProgress += PROGRESS_EVERY;
      }
      boolean stormPending = storm != null && stormStarted == 0;
      if (sent >= total && !stormPending) {
        break;
      }
      long wakeAt = sent < total ? start + pacer.dueAt(sent) : start + stormDelay;
      if (stormPending) {
        wakeAt = Math.min(wakeAt, start + stormDelay);
      }
      LockSupport.parkNanos(wakeAt - System.nanoTime());
    }
    long publishEnd = System.nanoTime();
    system.flushProducer();
    double publishSeconds = seconds(publishEnd - start);
    System.out.printf(
        "[%s] published %d events in %.1f s (%.1f ev/s); waiting for their rows%n",
        name, sent, publishSeconds, sent / publishSeconds);

    long stormEnd = storm == null ? publishEnd : stormStarted + storm.toNanos();
    long deadline = Math.max(publishEnd, stormEnd) + options.catchUpTimeout().toNanos();
    while (!tally.complete() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      if (System.nanoTime() >= nextProgress) {
        progress(name, tally);
        nextProgress += PROGRESS_EVERY;
      }
    }
    boolean caughtUp = tally.complete();
    // The last flush's counters are bumped right after its append: give them a moment.
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    Requests requests = Requests.read(system.projectorMeters()).minus(requestsBefore);
    EmulatorCounts emulatorNow = EmulatorCounts.of(system.emulator().stats());
    EmulatorCounts emulator = emulatorNow.minus(emulatorBefore);
    int behind = rowsBehind(touched);
    if (caughtUp) {
      System.out.printf(
          "[%s] caught up %.1f s after the last publish%n",
          name, seconds(tally.lastLandedAt() - publishEnd));
    } else {
      System.out.printf(
          "[%s] NOT caught up within %d s: %d of %d rows landed%n",
          name, options.catchUpTimeout().toSeconds(), tally.landedCount(), tally.offeredCount());
    }

    Storm stormFigures =
        storm == null
            ? null
            : new Storm(
                storm.toSeconds(),
                round(seconds(stormStarted - start)),
                emulatorNow.minus(emulatorAtStorm).rateLimited(),
                caughtUp ? round(seconds(tally.lastLandedAt() - stormEnd)) : null);
    return new Measured(
        tally,
        rate,
        publishSeconds,
        system.sendFailures() - failuresBefore,
        requests,
        emulator,
        caughtUp ? round(seconds(tally.lastLandedAt() - publishEnd)) : null,
        touched.size(),
        behind,
        stormFigures);
  }

  private RunResult result(Measured run) {
    RunTally tally = run.tally();
    long offered = tally.offeredCount();
    return new RunResult(
        tally.name(),
        run.rate(),
        round(offered / run.publishSeconds()),
        round(run.publishSeconds()),
        offered,
        tally.landedCount(),
        tally.duplicateCount(),
        run.sendFailures(),
        run.requests(),
        run.emulator(),
        ratio(run.requests().writes(), offered),
        ratio(run.requests().all(), offered),
        ratio(offered, run.requests().flushes()),
        Lag.of(tally.lag()),
        run.caughtUpAfter(),
        run.touched(),
        run.behind(),
        run.storm());
  }

  /** Spools among {@code touched} whose row does not show the latest version generated. */
  private int rowsBehind(Set<String> touched) {
    int behind = 0;
    for (String tag : touched) {
      Optional<Cell> cell =
          system
              .emulator()
              .cell(BenchSystem.SPREADSHEET, "Operaciones!" + versionColumn + rowOf.get(tag));
      long shown =
          cell.isPresent() && cell.get() instanceof Cell.Numeric number
              ? number.value().longValue()
              : -1;
      if (shown != generator.version(tag)) {
        behind++;
      }
    }
    return behind;
  }

  private void progress(String name, RunTally tally) {
    System.out.printf(
        "[%s]   %d offered, %d rows landed, projector sees %s events behind%n",
        name,
        tally.offeredCount(),
        tally.landedCount(),
        Optional.ofNullable(system.projectorMeters().find("zeues.projection.lag").gauge())
            .map(gauge -> String.valueOf((long) gauge.value()))
            .orElse("?"));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : round((double) numerator / denominator);
  }
}
