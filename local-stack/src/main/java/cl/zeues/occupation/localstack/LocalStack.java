package cl.zeues.occupation.localstack;

import cl.zeues.occupation.api.CommandApiApplication;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.processor.ProcessorApplication;
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

  LocalStack(LocalStackSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    LocalStackSettings settings;
    try {
      settings = LocalStackSettings.from(args, System.getenv());
      for (int port : List.of(settings.apiPort(), settings.processorPort(), settings.kafkaPort())) {
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
    EmbeddedKafkaKraftBroker broker =
        new EmbeddedKafkaKraftBroker(1, Topics.COMMANDS.partitions())
            .kafkaPorts(settings.kafkaPort());
    broker.brokerProperties(
        Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    started.add(broker::destroy);
    String brokers = broker.getBrokersAsString();

    ConfigurableApplicationContext processor =
        ProcessorApplication.builder()
            .run(
                "--server.port=" + settings.processorPort(),
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--zeues.processor.redis-url=" + settings.redisUrl());
    started.add(processor::close);
    publishCatalog(
        brokers,
        DemoCatalog.spools(settings.spools(), LocalDate.now(ZoneId.of("America/Santiago"))));
    ConfigurableApplicationContext api =
        CommandApiApplication.builder()
            .run(
                "--server.port=" + settings.apiPort(),
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.data.redis.url=" + settings.redisUrl());
    started.add(api::close);
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
      producer.flush();
    }
    log.info("published {} demo spools to {}", spools.size(), Topics.SPOOL_CATALOG.name());
  }

  private void printWelcome(Duration startup) {
    String api = "http://127.0.0.1:" + settings.apiPort();
    String tag = DemoCatalog.spools(1, LocalDate.now()).getFirst().tagSpool();
    String body =
        "{\"tag_spool\":\"" + tag + "\",\"worker_id\":94,\"worker_nombre\":\"Juan Perez\"";
    System.out.printf(
        """

        ZEUES Occupation is up (%.1f s)
          API            %s/api/occupation
          Swagger UI     %s/swagger-ui.html
          API health     %s/actuator/health
          API metrics    %s/actuator/prometheus
          Processor      http://127.0.0.1:%d/actuator/health  (metrics: /actuator/prometheus)
          Kafka          127.0.0.1:%d   Redis %s

        Take, pause and complete a spool:
          curl -s -XPOST %s/api/occupation/tomar -H 'Content-Type: application/json' -d '%s,"operacion":"ARM"}'
          curl -s -XPOST %s/api/occupation/pausar -H 'Content-Type: application/json' -d '%s}'
          curl -s -XPOST %s/api/occupation/completar -H 'Content-Type: application/json' -d '%s}'

        Ctrl-C stops everything.
        %n""",
        startup.toMillis() / 1000.0,
        api,
        api,
        api,
        api,
        settings.processorPort(),
        settings.kafkaPort(),
        settings.redisUrl(),
        api,
        body,
        api,
        body,
        api,
        body);
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
