package cl.zeues.occupation.processor.occupation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.processor.occupation.CommandOutcome;
import cl.zeues.occupation.processor.occupation.CommandSource;
import cl.zeues.occupation.processor.occupation.ConflictService;
import cl.zeues.occupation.processor.occupation.OccupationService;
import cl.zeues.occupation.processor.occupation.RecordRetention;
import cl.zeues.occupation.processor.occupation.RetryPolicy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many Redis round trips a command costs on the processor's own path ({@link OccupationService}
 * over the Redis store), counted by the server: MONITOR tells the commands the processor's
 * connection sent (each a round trip: the connection is used synchronously) from those its Lua
 * scripts ran inside them; INFO commandstats gives the raw calls. The Redis is a server of the
 * test's own, so nothing else runs commands there.
 */
class RoundTripsIT {

  private static final Logger log = LoggerFactory.getLogger(RoundTripsIT.class);
  static final int COMMANDS = 1_000;
  static final Worker JUAN = Worker.of(94, "Juan Perez");

  static RedisServerProcess server;
  static RedisClient client;
  static StatefulRedisConnection<String, String> connection;
  static StatefulRedisConnection<String, String> admin;
  static RedisMonitor monitor;
  static String address;
  static OccupationService service;
  static long offset;

  @BeforeAll
  static void start() throws IOException {
    server = RedisServerProcess.start();
    client = RedisClient.create(server.url());
    connection = client.connect();
    admin = client.connect();
    RedisCommands<String, String> redis = connection.sync();
    address = clientAddress(redis.clientInfo());
    RedisOccupationStore store =
        new RedisOccupationStore(
            redis,
            new JsonCodec(),
            new RecordRetention(Duration.ofDays(7), Duration.ofMinutes(10), 50_000));
    redis.set(StoreLayout.appliedKey(0), "-1");
    store.expectApplied(0, -1);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    service =
        new OccupationService(
            new OccupationDecider(OccupationPolicy.DEFAULT),
            store,
            tag -> Optional.of(new SpoolCatalogEntry(tag, LocalDate.parse("2026-10-01"))),
            new ConflictService(RetryPolicy.DEFAULT, registry, d -> {}, new Random(1)),
            Clock.systemUTC(),
            Duration.ofHours(1),
            registry);
    monitor = RedisMonitor.attach(server.port());
    // Every script the paths use is sent once in full (EVALSHA answers NOSCRIPT on a new server).
    String warm = "RT-WARM-" + UUID.randomUUID();
    handle(tomar(warm));
    handle(tomar(warm));
    handle(pausar(warm));
  }

  @AfterAll
  static void stop() throws IOException {
    monitor.close();
    admin.close();
    connection.close();
    client.shutdown();
    server.close();
  }

  @Test
  void tomarOnAFreeSpoolIsTwoRoundTrips() {
    List<String> tags = spools("RT-TOMAR");

    Counted counted = count("TOMAR", tags.stream().map(RoundTripsIT::tomar).toList());

    assertThat(counted.outcomes())
        .allSatisfy(o -> assertThat(o.reply()).isInstanceOf(CommandReply.Accepted.class));
    assertThat(counted.roundTrips()).isLessThanOrEqualTo(2L * COMMANDS);
  }

  @Test
  void pausarIsTwoRoundTrips() {
    List<String> tags = spools("RT-PAUSAR");
    tags.forEach(tag -> handle(tomar(tag)));

    Counted counted = count("PAUSAR", tags.stream().map(RoundTripsIT::pausar).toList());

    assertThat(counted.outcomes())
        .allSatisfy(o -> assertThat(o.reply()).isInstanceOf(CommandReply.Accepted.class));
    assertThat(counted.roundTrips()).isLessThanOrEqualTo(2L * COMMANDS);
  }

  record Counted(List<CommandOutcome> outcomes, long roundTrips) {}

  /** Decides {@code commands} one after another and counts what Redis ran for them. */
  static Counted count(String what, List<OccupationCommand> commands) {
    Map<String, Long> before = commandstats();
    String start = "start-" + UUID.randomUUID();
    String end = "end-" + UUID.randomUUID();
    connection.sync().echo(start);
    List<CommandOutcome> outcomes = commands.stream().map(RoundTripsIT::handle).toList();
    connection.sync().echo(end);
    List<RedisMonitor.Seen> window = monitor.between(address, start, end);
    Map<String, Long> after = commandstats();

    List<RedisMonitor.Seen> sent = window.stream().filter(s -> !s.fromLua()).toList();
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((name, calls) -> delta.put(name, calls - before.getOrDefault(name, 0L)));
    delta.values().removeIf(calls -> calls == 0);
    log.info(
        "{} x {}: {} round trips ({} per command), sent {}; run by scripts {}; INFO commandstats"
            + " delta (includes the harness's 2 ECHO and 1 INFO) {}",
        commands.size(),
        what,
        sent.size(),
        (double) sent.size() / commands.size(),
        RedisMonitor.tally(sent),
        RedisMonitor.tally(window.stream().filter(RedisMonitor.Seen::fromLua).toList()),
        delta);
    assertThat(sent).allSatisfy(s -> assertThat(s.source()).isEqualTo(address));
    return new Counted(outcomes, sent.size());
  }

  static CommandOutcome handle(OccupationCommand command) {
    return service.handle(command, new CommandSource(0, offset++));
  }

  static List<String> spools(String prefix) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return IntStream.range(0, COMMANDS)
        .mapToObj(i -> prefix + "-" + run + "-" + String.format("%04d", i))
        .toList();
  }

  static OccupationCommand tomar(String tag) {
    return new OccupationCommand.Tomar(
        UUID.randomUUID(), tag, JUAN, Operacion.ARM, java.time.Instant.now());
  }

  static OccupationCommand pausar(String tag) {
    return new OccupationCommand.Pausar(
        UUID.randomUUID(), tag, JUAN, null, java.time.Instant.now());
  }

  /** {@code cmdstat_evalsha:calls=2000,usec=...} lines as name to calls. */
  static Map<String, Long> commandstats() {
    Map<String, Long> calls = new TreeMap<>();
    for (String line : admin.sync().info("commandstats").split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        String value = line.substring(line.indexOf("calls=") + 6, line.indexOf(','));
        calls.put(name, Long.parseLong(value));
      }
    }
    return calls;
  }

  private static String clientAddress(String clientInfo) {
    for (String field : clientInfo.trim().split(" ")) {
      if (field.startsWith("addr=")) {
        return field.substring("addr=".length());
      }
    }
    throw new IllegalStateException("no addr in CLIENT INFO: " + clientInfo);
  }
}
