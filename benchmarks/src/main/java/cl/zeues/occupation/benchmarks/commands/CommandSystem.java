package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.api.CommandApiApplication;
import cl.zeues.occupation.benchmarks.support.StartedParts;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.processor.ProcessorApplication;
import cl.zeues.occupation.processor.occupation.ProcessorSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command path in this JVM on loopback: an in-process KRaft broker, the real Redis (an empty
 * database claimed for this bench alone, never flushed), the real occupation-processor and
 * command-api applications started from their builders with their own configuration (only ports,
 * the broker's address and the Redis URL are set), the worker catalog they resolve workers from,
 * and the baseline's transactional relay beside them on the same broker (and, when asked, a second
 * relay with other client settings to compare it with).
 */
final class CommandSystem implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Drawn per run: the API is reachable only on loopback, and only for the bench's time. */
  private final String apiToken = "bench-" + UUID.randomUUID();

  private final StartedParts started = new StartedParts();
  private final JsonCodec codec = new JsonCodec();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final BenchRedis redis;
  private final Broker broker;
  private final KafkaProducer<String, byte[]> catalogs;
  private final List<Worker> workers;
  private @Nullable ConfigurableApplicationContext processor;
  private @Nullable ConfigurableApplicationContext api;
  private final List<TransactionalRelay> relays = new ArrayList<>();
  private long spoolsPublished;

  private CommandSystem(BenchRedis redis, Broker broker, int workerCount) {
    this.redis = redis;
    this.broker = broker;
    started.add(redis);
    started.add(broker);
    this.catalogs =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.brokers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new ByteArraySerializer());
    started.add(catalogs);
    this.workers = publishWorkers(workerCount);
  }

  /**
   * Starts everything and waits until the processor owns every command partition, both services are
   * ready and the relays own their partitions.
   *
   * @param brokerShape the broker in this JVM, or in a process of its own
   * @param comparedRelay client settings of a second relay measured beside the baseline's; null for
   *     none
   * @throws IllegalStateException when something does not start in time
   */
  static CommandSystem start(
      String redisServer,
      int workerCount,
      boolean keepRedis,
      Broker.Shape brokerShape,
      @Nullable Map<String, String> comparedRelay) {
    BenchRedis redis = BenchRedis.claim(redisServer);
    if (keepRedis) {
      redis.keepKeys();
    }
    Broker broker;
    try {
      broker = Broker.start(brokerShape, Topics.COMMANDS.partitions());
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
    CommandSystem system;
    try {
      List<Topics.Spec> topics = new ArrayList<>(Topics.ALL);
      topics.add(TransactionalRelay.requests(TransactionalRelay.BASELINE));
      topics.add(TransactionalRelay.replies(TransactionalRelay.BASELINE));
      if (comparedRelay != null) {
        topics.add(TransactionalRelay.requests(TransactionalRelay.COMPARED));
        topics.add(TransactionalRelay.replies(TransactionalRelay.COMPARED));
      }
      broker.createTopics(topics);
      system = new CommandSystem(redis, broker, workerCount);
    } catch (RuntimeException e) {
      broker.close();
      redis.close();
      throw e;
    }
    try {
      system.startServices(comparedRelay);
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  private void startServices(@Nullable Map<String, String> comparedRelay) {
    String brokers = broker.brokers();
    ConfigurableApplicationContext p =
        ProcessorApplication.builder()
            .run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--zeues.processor.redis-url=" + redis.url(),
                "--spring.main.banner-mode=off");
    processor = p;
    started.add(p::close);
    ConfigurableApplicationContext a =
        CommandApiApplication.builder()
            .run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.data.redis.url=" + redis.url(),
                // Its actuator has a port of its own (8081 by default, maybe another's here).
                "--management.server.port=0",
                // The driver's credential: an administrator may use the tablets' routes too.
                "--zeues.security.bootstrap-admin-token=" + apiToken,
                "--spring.main.banner-mode=off");
    api = a;
    started.add(a::close);
    awaitUntil("the command-api to be ready", () -> ready(managementPort(a)));
    awaitUntil("the processor to be ready", () -> ready(port(p)));
    startRelay(TransactionalRelay.BASELINE, Map.of());
    if (comparedRelay != null) {
      startRelay(TransactionalRelay.COMPARED, comparedRelay);
    }
  }

  private void startRelay(String name, Map<String, String> tuning) {
    TransactionalRelay relay =
        new TransactionalRelay(broker.brokers(), name, processorConcurrency(), 300, tuning);
    relays.add(relay);
    started.add(relay);
  }

  String brokers() {
    return broker.brokers();
  }

  /** The bearer credential the API accepts from the driver. */
  String apiToken() {
    return apiToken;
  }

  String apiBase() {
    return "http://127.0.0.1:" + port(running(api));
  }

  List<Worker> workers() {
    return workers;
  }

  MeterRegistry processorMeters() {
    return running(processor).getBean(MeterRegistry.class);
  }

  /** The processor's listener threads: the relay runs as many. */
  int processorConcurrency() {
    return running(processor).getBean(ProcessorSettings.class).concurrency();
  }

  /** The first failure of a relay, if any. */
  @Nullable Throwable relayFailure() {
    return relays.stream()
        .map(TransactionalRelay::failure)
        .filter(f -> f != null)
        .findFirst()
        .orElse(null);
  }

  /**
   * Publishes catalog entries (with materials) for {@code tags}, as the sheet import does, and
   * waits until the processor's catalog view holds them, so no decision waits for a catch-up.
   */
  void publishSpools(List<String> tags) {
    for (String tag : tags) {
      catalogs.send(
          new ProducerRecord<>(
              Topics.SPOOL_CATALOG.name(),
              tag,
              codec.write(new SpoolCatalogEntry(tag, ShopFloor.MATERIALES))));
    }
    catalogs.flush();
    long expected = spoolsPublished += tags.size();
    awaitUntil(
        "the processor's spool catalog to hold " + expected + " spools",
        () -> catalogSize() >= expected);
  }

  /** The database the processor and the API use, claimed for this bench alone. */
  BenchRedis redis() {
    return redis;
  }

  private List<Worker> publishWorkers(int count) {
    String[] nombres = {"Juan", "Ana", "Pedro", "María", "Luis", "Carla", "Diego", "Sofía"};
    String[] apellidos = {"Pérez", "Bravo", "Soto", "Muñoz", "Rojas", "Díaz", "Vega", "Lagos"};
    List<WorkerCatalogEntry> entries =
        IntStream.rangeClosed(1, count)
            .mapToObj(
                id ->
                    new WorkerCatalogEntry(
                        id,
                        nombres[id % nombres.length],
                        apellidos[(id / nombres.length) % apellidos.length],
                        true,
                        List.of("Armador", "Soldador")))
            .toList();
    for (WorkerCatalogEntry entry : entries) {
      catalogs.send(
          new ProducerRecord<>(Topics.WORKER_CATALOG.name(), entry.key(), codec.write(entry)));
    }
    catalogs.flush();
    return entries.stream().map(WorkerCatalogEntry::worker).toList();
  }

  private long catalogSize() {
    JsonNode health = health(port(running(processor)));
    JsonNode spools = health == null ? null : health.at("/components/spoolCatalog/details/spools");
    return spools == null || !spools.isNumber() ? -1 : spools.asLong();
  }

  private boolean ready(int port) {
    JsonNode health = health(port);
    return health != null && "UP".equals(health.path("status").asString());
  }

  private @Nullable JsonNode health(int port) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      return null;
    }
  }

  private static int managementPort(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.management.port", "0"));
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
  }

  private static void awaitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out after " + READY_TIMEOUT + " waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  private static <T> T running(@Nullable T component) {
    if (component == null) {
      throw new IllegalStateException("the command system is not running");
    }
    return component;
  }

  /** Stops everything, last started first. */
  @Override
  public void close() {
    started.close();
  }
}
