package cl.zeues.occupation.localstack;

import cl.zeues.occupation.api.CommandApiApplication;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.processor.ProcessorApplication;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Starts a real KRaft broker, the occupation-processor and the command-api in this JVM, publishes a
 * demo spool catalog, prints where everything is, and stops it all on Ctrl-C.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final LocalStackSettings settings;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final List<SpoolCatalogEntry> catalog;
  private String brokers = "";

  LocalStack(LocalStackSettings settings) {
    this.settings = settings;
    this.catalog =
        DemoCatalog.spools(settings.spools(), LocalDate.now(ZoneId.of("America/Santiago")));
  }

  public static void main(String[] args) {
    LocalStackSettings settings;
    try {
      settings = LocalStackSettings.from(args, System.getenv());
      for (int port : List.of(settings.apiPort(), settings.processorPort())) {
        requireFree(port);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("zeues: " + e.getMessage());
      System.exit(2);
      return;
    }
    long startedAt = System.nanoTime();
    LocalStack stack = new LocalStack(settings);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stack::close));
    try {
      stack.start();
    } catch (RuntimeException e) {
      log.error("the local stack could not start", e);
      stack.close();
      System.exit(1);
    }
    stack.printWelcome(Duration.ofNanos(System.nanoTime() - startedAt));
  }

  void start() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.COMMANDS.partitions());
    broker.brokerProperties(
        Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    started.add(broker::destroy);
    brokers = broker.getBrokersAsString();
    emptyRedis();

    ConfigurableApplicationContext processor =
        ProcessorApplication.builder()
            .run(
                "--server.port=" + settings.processorPort(),
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--zeues.processor.redis-url=" + settings.redisUrl());
    started.add(processor::close);
    publishCatalog(brokers, catalog);
    ConfigurableApplicationContext api =
        CommandApiApplication.builder()
            .run(
                "--server.port=" + settings.apiPort(),
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.data.redis.url=" + settings.redisUrl());
    started.add(api::close);
  }

  /**
   * The in-process broker keeps no log between runs yet, so lock state left in Redis by an earlier
   * run would describe events that no longer exist: start from an empty database to match.
   */
  private void emptyRedis() {
    RedisClient client = RedisClient.create(settings.redisUrl());
    try (var connection = client.connect()) {
      connection.sync().flushdb();
      log.info("emptied {} to match the fresh event log", settings.redisUrl());
    } finally {
      client.shutdown();
    }
  }

  private static void publishCatalog(String brokers, List<SpoolCatalogEntry> spools) {
    JsonCodec codec = new JsonCodec();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (SpoolCatalogEntry spool : spools) {
        producer.send(
            new ProducerRecord<>(
                Topics.SPOOL_CATALOG.name(), spool.tagSpool(), codec.write(spool)));
      }
      for (WorkerCatalogEntry worker : DemoCatalog.workers()) {
        producer.send(
            new ProducerRecord<>(Topics.WORKER_CATALOG.name(), worker.key(), codec.write(worker)));
      }
      producer.flush();
    }
    log.info(
        "published {} demo spools and {} workers to {} and {}",
        spools.size(),
        DemoCatalog.workers().size(),
        Topics.SPOOL_CATALOG.name(),
        Topics.WORKER_CATALOG.name());
  }

  private void printWelcome(Duration startup) {
    String api = "http://127.0.0.1:" + settings.apiPort();
    String tag =
        catalog.stream()
            .filter(spool -> spool.fechaMateriales() != null)
            .findFirst()
            .orElseThrow()
            .tagSpool();
    String take = body(tag, 94, "Juan Perez", "ARM");
    String resume = body(tag, 12, "Ana Bravo", "ARM");
    System.out.printf(
        """

        ZEUES Occupation is up (%.1f s)
          API            %s/api/occupation
          Swagger UI     %s/swagger-ui.html
          API health     %s/actuator/health
          API metrics    %s/actuator/prometheus
          Processor      http://127.0.0.1:%d/actuator/health  (metrics: /actuator/prometheus)
          Kafka          %s   Redis %s

        Take a spool, see a second worker refused, pause, resume as another worker and complete:
          curl -s -XPOST %s/api/occupation/tomar -H 'Content-Type: application/json' -d '%s'
          curl -s -XPOST %s/api/occupation/tomar -H 'Content-Type: application/json' -d '%s'
          curl -s -XPOST %s/api/occupation/pausar -H 'Content-Type: application/json' -d '%s'
          curl -s -XPOST %s/api/occupation/tomar -H 'Content-Type: application/json' -d '%s'
          curl -s -XPOST %s/api/occupation/completar -H 'Content-Type: application/json' -d '%s'
          curl -s %s/api/occupation/status/%s

        Ctrl-C stops everything.
        %n""",
        startup.toMillis() / 1000.0,
        api,
        api,
        api,
        api,
        settings.processorPort(),
        brokers,
        settings.redisUrl(),
        api,
        take,
        api,
        resume,
        api,
        body(tag, 94, "Juan Perez", null),
        api,
        resume,
        api,
        body(tag, 12, "Ana Bravo", null),
        api,
        tag);
  }

  private static String body(String tag, int worker, String nombre, @Nullable String operacion) {
    return "{\"tag_spool\":\""
        + tag
        + "\",\"worker_id\":"
        + worker
        + ",\"worker_nombre\":\""
        + nombre
        + "\""
        + (operacion == null ? "" : ",\"operacion\":\"" + operacion + "\"")
        + "}";
  }

  private static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "port "
              + port
              + " on 127.0.0.1 is already in use; stop what uses it or choose another port (see --help in the README)");
    }
  }

  @Override
  public synchronized void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        log.warn("while stopping: {}", e.toString());
      }
    }
    started.clear();
  }
}
