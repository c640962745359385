package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.support.Machine;
import cl.zeues.occupation.events.Worker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code commands}: the command path under load, against a raw Kafka baseline measured in the same
 * run on the same broker. Per run, in this order: one tablet sending TOMAR/PAUSAR one at a time to
 * the baseline relay, to the processor over Kafka and over HTTP; the same three paths at the
 * offered rate; then the baseline and the processor flat out. Prints a table per run and the
 * medians, and writes the same figures as JSON. Asserts nothing about speed; answers that
 * contradict the decider's prediction are printed loudly and make the exit status 1.
 */
@Command(
    name = "commands",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "The command path (HTTP -> command-api -> Kafka -> processor -> Redis -> Kafka -> API)"
          + " under load, beside a raw Kafka transactional request/reply baseline on the same"
          + " broker, in one JVM on loopback."
    })
public final class CommandBench implements Callable<Integer> {

  @Option(
      names = "--rate",
      description = "offered commands/s in the at-rate phases (default ${DEFAULT-VALUE})")
  int rate = 500;

  @Option(
      names = "--seconds",
      description = "length of every measured phase, seconds (default ${DEFAULT-VALUE})")
  int seconds = 20;

  @Option(
      names = "--sequential-seconds",
      description =
          "length of each sequential phase (one client, TOMAR/PAUSAR on one spool), seconds"
              + " (default ${DEFAULT-VALUE}; 0 skips them)")
  int sequentialSeconds = 10;

  @Option(
      names = "--warmup",
      description =
          "seconds each path runs at the rate before the first run, not reported (default"
              + " ${DEFAULT-VALUE}; 0 skips)")
  int warmup = 5;

  @Option(
      names = "--workers",
      description = "concurrent driver workers (tablets) at a rate (default ${DEFAULT-VALUE})")
  int workers = 50;

  @Option(
      names = "--spools",
      description = "spools each run's at-rate phases spread over (default ${DEFAULT-VALUE})")
  int spools = 2_500;

  @Option(
      names = "--flat-out-spools",
      description = "spools of each run's flat-out processor phase (default ${DEFAULT-VALUE})")
  int flatOutSpools = 40_000;

  @Option(
      names = "--max-in-flight",
      description = "unanswered requests at most, flat out (default ${DEFAULT-VALUE})")
  int maxInFlight = 2_000;

  @Option(
      names = "--mix",
      description = "action weights (default ${DEFAULT-VALUE}); cancelar may be added")
  String mix = CommandMix.DEFAULT;

  @Option(
      names = "--conflict-share",
      description = "share of TOMARs sent to a spool someone else holds (default ${DEFAULT-VALUE})")
  double conflictShare = 0.1;

  @Option(
      names = "--runs",
      description = "repetitions of the whole run; medians are printed (default ${DEFAULT-VALUE})")
  int runs = 1;

  @Option(
      names = "--skip-flat-out",
      description = "only the at-rate phases (no baseline or processor flat out)")
  boolean skipFlatOut;

  @Option(
      names = "--redis-url",
      description =
          "the Redis server (default ${DEFAULT-VALUE}); the bench claims the first empty"
              + " database from 7 to 15, or the one the URL names (it must be empty), and deletes"
              + " its keys at the end; it never flushes")
  String redisUrl = "redis://127.0.0.1:6379";

  @Option(
      names = "--keep-redis",
      description =
          "keep the Redis keys (default: each run's deleted after it, the rest at the end)")
  boolean keepRedis;

  @Option(
      names = "--json",
      description = "where the figures are written as JSON (default ${DEFAULT-VALUE})")
  Path json = Path.of("target/commands.json");

  @Option(names = "--seed", description = "seeds the command mix (default ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(
      names = "--broker",
      description =
          "where the broker runs: IN_PROCESS (this JVM, as the system tests run it) or PROCESS (a"
              + " JVM of its own, as deployed) (default ${DEFAULT-VALUE})")
  Broker.Shape broker = Broker.Shape.IN_PROCESS;

  @Option(
      names = "--compare-relay",
      paramLabel = "KEY=VALUE[,KEY=VALUE...]",
      description =
          "also measure a second relay, the baseline's with these Kafka client settings (a"
              + " producer setting goes to its producer, a consumer setting to its consumer), right"
              + " after the baseline in the sequential and at-rate phases; e.g."
              + " retry.backoff.ms=100,linger.ms=5 puts back the client defaults the baseline"
              + " overrides")
  @Nullable String compareRelay;

  private static final int CATALOG_WORKERS = 40;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final Random prefixes = new Random();

  @Override
  public Integer call() {
    CommandMix commandMix;
    @Nullable Map<String, String> comparedTuning;
    try {
      commandMix = CommandMix.parse(mix, conflictShare);
      comparedTuning = compareRelay == null ? null : clientSettings(compareRelay);
      validate();
    } catch (IllegalArgumentException e) {
      System.err.println("commands: " + e.getMessage());
      return 2;
    }
    Machine machine = Machine.current("broker, Redis, processor, API and driver");
    System.out.println(machine.describe());
    long started = System.nanoTime();
    CommandReport report;
    try (CommandSystem system =
        CommandSystem.start(redisUrl, CATALOG_WORKERS, keepRedis, broker, comparedTuning)) {
      System.out.printf(
          "%nstarted in %.1f s: broker %s in %s, API %s, Redis %s, processor concurrency %d%n",
          (System.nanoTime() - started) / 1e9,
          system.brokers(),
          broker.description,
          system.apiBase(),
          system.redis().url(),
          system.processorConcurrency());
      report = measure(machine, system, commandMix);
    } catch (IllegalStateException e) {
      System.err.println("commands: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      System.err.println("commands: the bench failed: " + e);
      e.printStackTrace();
      return 1;
    }
    System.out.println();
    System.out.print(report.table());
    try {
      report.writeJson(json);
      System.out.println("JSON: " + json.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("could not write " + json + ": " + e);
    }
    System.out.printf("total time %.0f s%n", (System.nanoTime() - started) / 1e9);
    List<String> failures = report.failures();
    if (!failures.isEmpty()) {
      System.out.println();
      System.out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      System.out.println("!!! UNEXPECTED ANSWERS: the decider predicted otherwise            !!!");
      failures.forEach(failure -> System.out.println("!!!   " + failure));
      System.out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      return 1;
    }
    return 0;
  }

  private void validate() {
    if (rate < 1 || seconds < 1 || workers < 1 || runs < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException(
          "--rate, --seconds, --workers, --runs and --max-in-flight must be positive");
    }
    if (warmup < 0 || sequentialSeconds < 0) {
      throw new IllegalArgumentException("--warmup and --sequential-seconds must not be negative");
    }
    if (spools < 2 * workers) {
      throw new IllegalArgumentException(
          "--spools must be at least twice --workers, so workers rarely wait for a free spool");
    }
    SpoolTags.of("MK-0000-XX", spools);
    SpoolTags.of("MK-0000-XX", flatOutSpools);
  }

  private CommandReport measure(Machine machine, CommandSystem system, CommandMix commandMix) {
    Duration phase = Duration.ofSeconds(seconds);
    CommandReport.Setup setup =
        new CommandReport.Setup(
            rate,
            seconds,
            sequentialSeconds,
            warmup,
            workers,
            spools,
            flatOutSpools,
            maxInFlight,
            commandMix.describe(),
            conflictShare,
            CATALOG_WORKERS,
            system.processorConcurrency(),
            system.redis().url(),
            broker.description,
            compareRelay,
            seed);
    if (warmup > 0) {
      warmUp(system, commandMix);
    }
    List<CommandReport.Run> results = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      System.out.printf("%n== run %d of %d ==%n", run, runs);
      long runSeed = seed + run;
      SpoolTags atRate = freshTags(system, spools);
      SpoolTags flatOut = skipFlatOut ? null : freshTags(system, flatOutSpools);
      SpoolTags baseline = SpoolTags.draw(prefixes, spools);
      // One spool per tablet: the relays' (unchecked, so shared), the Kafka path's, HTTP's.
      SpoolTags tablets = freshTags(system, 3);
      system.publishSpools(tablets.tags());
      system.publishSpools(atRate.tags());
      if (flatOut != null) {
        system.publishSpools(flatOut.tags());
      }
      List<PhaseResult> phases = new ArrayList<>();
      ShopFloor baselineFloor = floor(baseline, system.workers(), commandMix, runSeed);
      ShopFloor floor = floor(atRate, system.workers(), commandMix, runSeed);
      try (CommandPath relay =
              KafkaPath.baseline(system.brokers(), TransactionalRelay.BASELINE, "bench-baseline");
          CommandPath compared = comparedPath(system, "bench-compared");
          CommandPath kafka = KafkaPath.processor(system.brokers(), "bench-kafka");
          CommandPath http = httpPath(system, "bench-http")) {
        if (sequentialSeconds > 0) {
          List<String> tags = tablets.tags();
          List<Worker> tabletWorkers = system.workers();
          phases.add(
              sequential(
                  system,
                  "baseline sequential",
                  "baseline",
                  relay,
                  new Tablet(tags.get(0), tabletWorkers.get(0), runSeed),
                  false));
          if (compared != null) {
            phases.add(
                sequential(
                    system,
                    "compared sequential",
                    "compared",
                    compared,
                    new Tablet(tags.get(0), tabletWorkers.get(0), runSeed),
                    false));
          }
          phases.add(
              sequential(
                  system,
                  "kafka sequential",
                  "kafka",
                  kafka,
                  new Tablet(tags.get(1), tabletWorkers.get(1), runSeed),
                  true));
          phases.add(
              sequential(
                  system,
                  "HTTP sequential",
                  "http",
                  http,
                  new Tablet(tags.get(2), tabletWorkers.get(2), runSeed),
                  true));
        }
        phases.add(
            atRate(system, "baseline @ " + rate + "/s", "baseline", relay, baselineFloor, false));
        if (compared != null) {
          ShopFloor comparedFloor =
              floor(SpoolTags.draw(prefixes, spools), system.workers(), commandMix, runSeed);
          phases.add(
              atRate(
                  system, "compared @ " + rate + "/s", "compared", compared, comparedFloor, false));
        }
        phases.add(atRate(system, "kafka @ " + rate + "/s", "kafka", kafka, floor, true));
        phases.add(atRate(system, "HTTP @ " + rate + "/s", "http", http, floor, true));
        if (flatOut != null) {
          // Flat out needs as many spools as the processor's run: a floor whose spools all finish
          // stops its publisher early.
          ShopFloor baselineFlatFloor =
              floor(
                  SpoolTags.draw(prefixes, flatOutSpools),
                  system.workers(),
                  commandMix,
                  runSeed + 1_000);
          phases.add(
              flatOut(system, "baseline flat out", "baseline", relay, baselineFlatFloor, false));
          ShopFloor flatFloor = floor(flatOut, system.workers(), commandMix, runSeed + 1_000);
          phases.add(flatOut(system, "processor flat out", "kafka", kafka, flatFloor, true));
        }
      } finally {
        if (!keepRedis) {
          long deleted = system.redis().deleteSpools(atRate.prefix(), atRate.tags());
          deleted += system.redis().deleteSpools(tablets.prefix(), tablets.tags());
          if (flatOut != null) {
            deleted += system.redis().deleteSpools(flatOut.prefix(), flatOut.tags());
          }
          System.out.printf("deleted this run's %d Redis keys%n", deleted);
        }
      }
      Throwable relayFailure = system.relayFailure();
      if (relayFailure != null) {
        throw new IllegalStateException("the baseline relay failed: " + relayFailure, relayFailure);
      }
      results.add(
          new CommandReport.Run(
              run, atRate.prefix(), flatOut == null ? null : flatOut.prefix(), phases));
      System.out.print(CommandReport.runTable(results.getLast()));
    }
    return new CommandReport(machine, setup, results, Machine.loadAverageNow());
  }

  /** Each path at the rate for a few seconds, on spools of their own: JIT, connections, caches. */
  private void warmUp(CommandSystem system, CommandMix commandMix) {
    System.out.printf("%nwarming up: each path %d s at %d/s (not reported)%n", warmup, rate);
    SpoolTags tags = freshTags(system, spools);
    system.publishSpools(tags.tags());
    ShopFloor floor = floor(tags, system.workers(), commandMix, seed - 1);
    Duration duration = Duration.ofSeconds(warmup);
    try (CommandPath relay =
            KafkaPath.baseline(
                system.brokers(), TransactionalRelay.BASELINE, "bench-warmup-baseline");
        CommandPath compared = comparedPath(system, "bench-warmup-compared");
        CommandPath kafka = KafkaPath.processor(system.brokers(), "bench-warmup-kafka");
        CommandPath http = httpPath(system, "bench-warmup-http")) {
      for (CommandPath unchecked : Arrays.asList(relay, compared)) {
        if (unchecked != null) {
          new LoadDriver(
                  unchecked,
                  floor(SpoolTags.draw(prefixes, spools), system.workers(), commandMix, seed),
                  ANSWER_TIMEOUT,
                  false)
              .atRate(rate, workers, duration);
        }
      }
      new LoadDriver(kafka, floor, ANSWER_TIMEOUT, true).atRate(rate, workers, duration);
      new LoadDriver(http, floor, ANSWER_TIMEOUT, true).atRate(rate, workers, duration);
    } finally {
      if (!keepRedis) {
        system.redis().deleteSpools(tags.prefix(), tags.tags());
      }
    }
  }

  private static CommandPath httpPath(CommandSystem system, String clientId) {
    return new HttpPath(
        system.apiBase(), system.apiToken(), ANSWER_TIMEOUT, system.brokers(), clientId);
  }

  /** The compared relay's client, or null when no relay is compared. */
  private @Nullable CommandPath comparedPath(CommandSystem system, String clientId) {
    return compareRelay == null
        ? null
        : KafkaPath.baseline(system.brokers(), TransactionalRelay.COMPARED, clientId);
  }

  private PhaseResult sequential(
      CommandSystem system,
      String name,
      String path,
      CommandPath commands,
      Tablet tablet,
      boolean checked) {
    System.out.printf(
        "[%s] one client, TOMAR/PAUSAR on one spool, for %d s%n", name, sequentialSeconds);
    return measured(
        system,
        commands,
        checked,
        () -> {
          long start = System.nanoTime();
          PhaseTally tally =
              new LoadDriver(commands, tablet, ANSWER_TIMEOUT, checked)
                  .sequential(Duration.ofSeconds(sequentialSeconds));
          double span = Math.max(1e-9, (tally.lastCompletedAt() - start) / 1e9);
          return CommandReport.result(
              name,
              path,
              PhaseResult.Mode.SEQUENTIAL,
              null,
              1,
              sequentialSeconds,
              tally,
              tally.completedCount() / span);
        });
  }

  /**
   * {@code key=value,key=value} Kafka client settings.
   *
   * @throws IllegalArgumentException for a pair without {@code =} or a key no Kafka producer or
   *     consumer knows
   */
  static Map<String, String> clientSettings(String text) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException(
            "expected KEY=VALUE pairs separated by commas, got '" + pair.strip() + "'");
      }
      String key = pair.substring(0, equals).strip();
      if (!ProducerConfig.configNames().contains(key)
          && !ConsumerConfig.configNames().contains(key)) {
        throw new IllegalArgumentException(
            "no Kafka producer or consumer setting is called " + key);
      }
      settings.put(key, pair.substring(equals + 1).strip());
    }
    return settings;
  }

  private PhaseResult atRate(
      CommandSystem system,
      String name,
      String path,
      CommandPath commands,
      ShopFloor floor,
      boolean checked) {
    System.out.printf(
        "[%s] %d workers offering %d commands/s for %d s%n", name, workers, rate, seconds);
    return measured(
        system,
        commands,
        checked,
        () -> {
          long start = System.nanoTime();
          PhaseTally tally =
              new LoadDriver(commands, floor, ANSWER_TIMEOUT, checked)
                  .atRate(rate, workers, Duration.ofSeconds(seconds));
          double span = Math.max(seconds, (tally.lastCompletedAt() - start) / 1e9);
          return CommandReport.result(
              name,
              path,
              PhaseResult.Mode.AT_RATE,
              rate,
              workers,
              seconds,
              tally,
              tally.completedCount() / span);
        });
  }

  private PhaseResult flatOut(
      CommandSystem system,
      String name,
      String path,
      CommandPath commands,
      ShopFloor floor,
      boolean checked) {
    System.out.printf(
        "[%s] flat out, at most %d in flight, for %d s%n", name, maxInFlight, seconds);
    return measured(
        system,
        commands,
        checked,
        () -> {
          PhaseTally tally =
              new LoadDriver(commands, floor, ANSWER_TIMEOUT, checked)
                  .flatOut(maxInFlight, Duration.ofSeconds(seconds));
          return CommandReport.result(
              name,
              path,
              PhaseResult.Mode.FLAT_OUT,
              null,
              maxInFlight,
              seconds,
              tally,
              tally.completedInWindow() / (double) seconds);
        });
  }

  /** Runs a phase, adding the processor's own counters when the processor took part. */
  private PhaseResult measured(
      CommandSystem system,
      CommandPath commands,
      boolean processorTakesPart,
      Supplier<PhaseResult> phase) {
    ProcessorCounters before = ProcessorCounters.read(system.processorMeters());
    Breakdown breakdown = new Breakdown();
    commands.breakdownInto(breakdown);
    PhaseResult result;
    try {
      result = phase.get();
    } finally {
      commands.breakdownInto(null);
    }
    if (processorTakesPart) {
      result =
          result
              .withProcessor(ProcessorCounters.read(system.processorMeters()).minus(before))
              .withBreakdown(breakdown.figures());
    }
    System.out.printf(
        "[%s] %d answers, %.0f/s, p50 %.1f ms, p99 %.1f ms%n",
        result.phase(),
        result.completed(),
        result.throughput(),
        result.responseTime().p50(),
        result.responseTime().p99());
    if (result.unplanned() > 0) {
      System.out.printf(
          "[%s] WARNING: %d commands could not be planned (every spool finished or in flight):"
              + " give the phase more spools%n",
          result.phase(), result.unplanned());
    }
    return result;
  }

  /** Tags under a prefix no earlier run left in Redis. */
  private SpoolTags freshTags(CommandSystem system, int count) {
    for (int attempt = 0; attempt < 20; attempt++) {
      SpoolTags tags = SpoolTags.draw(prefixes, count);
      if (!system.redis().anyInRedis(tags.tags())) {
        return tags;
      }
    }
    throw new IllegalStateException("no unused spool prefix found in 20 draws");
  }

  private static ShopFloor floor(
      @Nullable SpoolTags tags, List<Worker> workers, CommandMix mix, long seed) {
    if (tags == null) {
      throw new IllegalStateException("no spools for this floor");
    }
    return new ShopFloor(tags.tags(), workers, mix, seed);
  }
}
