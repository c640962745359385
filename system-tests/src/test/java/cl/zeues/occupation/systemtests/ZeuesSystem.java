package cl.zeues.occupation.systemtests;

import cl.zeues.occupation.api.CommandApiApplication;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.localstack.KafkaBroker;
import cl.zeues.occupation.processor.ProcessorApplication;
import cl.zeues.occupation.projector.ProjectorApplication;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.SheetsEmulator;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

/**
 * The whole occupation core on one machine: a real KRaft broker (in-process), the real Redis, N
 * occupation-processor applications in one consumer group and one command-api application, each a
 * real Spring Boot application with its own context, talking over loopback only.
 */
final class ZeuesSystem implements AutoCloseable {

  /**
   * The API's bootstrap admin token; {@link #post} and {@link #get} send it unless a request sets
   * its own {@code Authorization} (ADMIN includes the tablet role).
   */
  static final String ADMIN_TOKEN = "system-test-admin-token";

  /** The caller id idempotency keys are scoped to when the bootstrap admin token calls. */
  static final String CALLER_ID = "bootstrap-admin";

  static final String REDIS_URL =
      System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");

  final JsonCodec codec = new JsonCodec();
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final @Nullable EmbeddedKafkaKraftBroker embeddedBroker;
  private final @Nullable KafkaBroker restartableBroker;
  private final @Nullable KafkaCluster cluster;
  private final @Nullable Path brokerDir;
  private final KafkaProducer<String, byte[]> producer;
  private final RedisClient redisClient;
  private final StatefulRedisConnection<String, String> redisConnection;
  private final List<ConfigurableApplicationContext> processors = new CopyOnWriteArrayList<>();
  private final List<ServiceProcess> processorProcesses = new CopyOnWriteArrayList<>();
  private @Nullable Admin admin;
  private final Class<?>[] processorExtras;
  private final String redisUrl;
  private @Nullable ConfigurableApplicationContext api;
  private String apiBase = "";
  private int apiPort;
  private @Nullable SheetsEmulator emulator;
  private @Nullable ConfigurableApplicationContext projector;
  private String projectorBase = "";

  private ZeuesSystem(
      Class<?>[] processorExtras, String redisUrl, boolean restartable, boolean kafkaCluster) {
    this.processorExtras = processorExtras;
    this.redisUrl = redisUrl;
    if (kafkaCluster) {
      embeddedBroker = null;
      restartableBroker = null;
      brokerDir = temporaryDirectory();
      cluster = KafkaCluster.start(brokerDir);
    } else if (restartable) {
      cluster = null;
      embeddedBroker = null;
      brokerDir = temporaryDirectory();
      restartableBroker =
          new KafkaBroker(
              brokerDir.resolve("kafka"), ServiceProcess.freePort(), ServiceProcess.freePort());
      restartableBroker.start();
      restartableBroker.createTopics();
    } else {
      cluster = null;
      brokerDir = null;
      restartableBroker = null;
      embeddedBroker = new EmbeddedKafkaKraftBroker(1, Topics.COMMANDS.partitions());
      embeddedBroker.brokerProperties(
          Map.of(
              "group.initial.rebalance.delay.ms", "0",
              "transaction.state.log.replication.factor", "1",
              "transaction.state.log.min.isr", "1",
              // A killed processor's open transaction blocks read_committed readers until the
              // broker aborts it; look for timed-out transactions every second, not every 10 s.
              "transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"));
      embeddedBroker.afterPropertiesSet();
    }
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    redisClient = RedisClient.create(redisUrl);
    redisConnection = redisClient.connect();
  }

  /**
   * Starts the broker, {@code processorCount} processors (each with {@code processorExtras} as
   * extra configuration) and the API, and waits until all are ready.
   */
  static ZeuesSystem start(int processorCount, Class<?>... processorExtras) {
    return builder().processors(processorCount).processorExtras(processorExtras).start();
  }

  static Builder builder() {
    return new Builder();
  }

  /** What differs between systems: how many processors, their extras, which Redis. */
  static final class Builder {
    private int processors = 1;
    private Class<?>[] processorExtras = {};
    private String redisUrl = REDIS_URL;
    private boolean restartableBroker;
    private boolean kafkaCluster;
    private int processorProcesses;
    private List<String> processArguments = List.of();

    private Builder() {}

    Builder processors(int count) {
      this.processors = count;
      return this;
    }

    /** Extra configuration classes every processor gets (e.g. a store wrapper). */
    Builder processorExtras(Class<?>... extras) {
      this.processorExtras = extras.clone();
      return this;
    }

    /**
     * The Redis the processors, the API and {@link #redis()} use; default {@code REDIS_URL} or
     * 127.0.0.1:6379. Tests that destroy Redis data point this at their own redis-server. A {@code
     * redis-sentinel://host:port,...#primary} URL connects everything through Sentinel, as
     * docker/compose.production.yml does.
     */
    Builder redisUrl(String url) {
      this.redisUrl = url;
      return this;
    }

    /**
     * A broker that {@link #stopBroker()} and {@link #startBroker()} can take down and bring back
     * on the same port with the same log (local-stack's KRaft broker in a temporary folder) instead
     * of spring-kafka-test's embedded one.
     */
    Builder restartableBroker() {
      this.restartableBroker = true;
      return this;
    }

    /**
     * Three Kafka nodes replicating as production does ({@link KafkaCluster}) instead of one
     * broker; {@link #cluster()} stops and starts them.
     */
    Builder kafkaCluster() {
      this.kafkaCluster = true;
      return this;
    }

    /**
     * {@code count} more processors, each a real {@code java -jar} process (so a test can SIGKILL
     * one), with this system's settings plus {@code extraArguments}; launched while the API starts.
     */
    Builder processorProcesses(int count, List<String> extraArguments) {
      this.processorProcesses = count;
      this.processArguments = List.copyOf(extraArguments);
      return this;
    }

    /** Starts everything and waits until the API is ready and every partition has an owner. */
    ZeuesSystem start() {
      ZeuesSystem system =
          new ZeuesSystem(processorExtras, redisUrl, restartableBroker, kafkaCluster);
      try {
        system.workers(IntStream.rangeClosed(1, 40).toArray());
        List<String> arguments = new ArrayList<>(system.processorArguments());
        arguments.addAll(processArguments);
        List<CompletableFuture<ServiceProcess>> launching =
            IntStream.range(0, processorProcesses)
                .mapToObj(
                    i ->
                        CompletableFuture.supplyAsync(
                            () ->
                                ServiceProcess.start(
                                    ServiceProcess.Service.PROCESSOR,
                                    "processor-" + i + "-" + Long.toString(System.nanoTime(), 36),
                                    arguments)))
                .toList();
        try {
          for (int i = 0; i < processors; i++) {
            system.addProcessor();
          }
          system.startApi();
        } finally {
          for (CompletableFuture<ServiceProcess> process : launching) {
            try {
              system.processorProcesses.add(process.join());
            } catch (CompletionException e) {
              throw new IllegalStateException("a processor process did not start", e.getCause());
            }
          }
        }
        if (processorProcesses > 0) {
          system.awaitProcessorGroup(processors + processorProcesses, Duration.ofSeconds(60));
        } else if (processors > 0) {
          system.awaitPartitionsAssigned();
        }
        return system;
      } catch (RuntimeException e) {
        system.close();
        throw e;
      }
    }
  }

  String redisUrl() {
    return redisUrl;
  }

  String brokers() {
    if (cluster != null) {
      return cluster.bootstrap();
    }
    return restartableBroker != null
        ? restartableBroker.bootstrap()
        : Objects.requireNonNull(embeddedBroker).getBrokersAsString();
  }

  /** The three-node cluster of a system built with {@link Builder#kafkaCluster()}. */
  KafkaCluster cluster() {
    return Objects.requireNonNull(cluster, "start the system with builder().kafkaCluster()");
  }

  /** Takes the (restartable) broker down: a controlled shutdown, its log kept. */
  void stopBroker() {
    requireRestartable().close();
  }

  /** Brings the broker back on the same port with the same log; returns once it answers. */
  void startBroker() {
    requireRestartable().start();
  }

  private KafkaBroker requireRestartable() {
    if (restartableBroker == null) {
      throw new IllegalStateException("start the system with builder().restartableBroker()");
    }
    return restartableBroker;
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("zeues-broker-");
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary folder for the broker", e);
    }
  }

  RedisCommands<String, String> redis() {
    return redisConnection.sync();
  }

  ConfigurableApplicationContext addProcessor() {
    ConfigurableApplicationContext context = runProcessor();
    processors.add(context);
    return context;
  }

  private ConfigurableApplicationContext runProcessor() {
    List<Object> sources = new ArrayList<>(List.of(ProcessorApplication.class));
    sources.addAll(List.of(processorExtras));
    List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
    arguments.addAll(processorArguments());
    return ProcessorApplication.builder()
        .sources(sources.toArray(Class<?>[]::new))
        .run(arguments.toArray(String[]::new));
  }

  /** A processor's settings for this system, as {@code --name=value} arguments (no port). */
  List<String> processorArguments() {
    return List.of(
        "--spring.kafka.bootstrap-servers=" + brokers(),
        "--zeues.processor.redis-url=" + redisUrl,
        "--zeues.processor.concurrency=" + PROCESSOR_CONCURRENCY,
        "--zeues.processor.sweep-interval=1h",
        "--zeues.processor.topic-replicas="
            + (cluster != null ? KafkaCluster.REPLICATION.factor() : 1));
  }

  void stopProcessor(int index) {
    processors.remove(index).close();
  }

  /**
   * Closes processor {@code index} (a clean shutdown: its transactions end, its partitions are
   * given back) and starts a fresh one in its place with the same settings; waits until every
   * partition has an owner again.
   */
  ConfigurableApplicationContext restartProcessor(int index) {
    processors.get(index).close();
    ConfigurableApplicationContext fresh = runProcessor();
    processors.set(index, fresh);
    awaitPartitionsAssigned();
    return fresh;
  }

  /** The processors running as their own operating-system processes, in launch order. */
  List<ServiceProcess> processorProcesses() {
    return processorProcesses;
  }

  List<ConfigurableApplicationContext> processors() {
    return processors;
  }

  private void startApi() {
    List<String> arguments =
        new ArrayList<>(
            List.of("--server.port=" + apiPort, "--spring.kafka.bootstrap-servers=" + brokers()));
    arguments.addAll(apiRedisArguments());
    arguments.add("--zeues.security.bootstrap-admin-token=" + ADMIN_TOKEN);
    // Actuator on a port of its own, found below like the API's.
    arguments.add("--management.server.port=0");
    ConfigurableApplicationContext started =
        CommandApiApplication.builder().run(arguments.toArray(String[]::new));
    api = started;
    apiPort =
        Integer.parseInt(
            Objects.requireNonNull(started.getEnvironment().getProperty("local.server.port")));
    apiBase = "http://127.0.0.1:" + apiPort;
    String management =
        "http://127.0.0.1:"
            + Objects.requireNonNull(started.getEnvironment().getProperty("local.management.port"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                send(HttpRequest.newBuilder(URI.create(management + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build())
                        .status()
                    == 200);
  }

  /**
   * The API's Redis settings: Spring Boot takes a {@code redis://} URL, and for lettuce's {@code
   * redis-sentinel://} form (what the processors take) the Sentinels and the primary's name.
   */
  private List<String> apiRedisArguments() {
    RedisURI uri = RedisURI.create(redisUrl);
    if (uri.getSentinelMasterId() == null) {
      return List.of("--spring.data.redis.url=" + redisUrl);
    }
    return List.of(
        "--spring.data.redis.sentinel.master=" + uri.getSentinelMasterId(),
        "--spring.data.redis.sentinel.nodes="
            + uri.getSentinels().stream()
                .map(sentinel -> sentinel.getHost() + ":" + sentinel.getPort())
                .collect(Collectors.joining(",")));
  }

  /** http://127.0.0.1:port of the API. */
  String apiBase() {
    return apiBase;
  }

  /**
   * Closes the API and starts a new one on the same port (tablets keep their URL), waiting until it
   * is ready. Requests in flight during the restart fail at the client.
   */
  void restartApi() {
    Objects.requireNonNull(api).close();
    api = null;
    startApi();
  }

  /** Waits until every partition of the commands topic has an owner among the processors. */
  void awaitPartitionsAssigned() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                processors.stream()
                        .map(
                            p ->
                                p.getBean(
                                    "commandListenerContainer", MessageListenerContainer.class))
                        .map(MessageListenerContainer::getAssignedPartitions)
                        .mapToInt(Collection::size)
                        .sum()
                    == Topics.COMMANDS.partitions());
  }

  /**
   * Starts the sheets emulator with {@code spreadsheet} (as spreadsheet {@link #SPREADSHEET}) and
   * the sheets-projector against it; its catalog import runs when {@link #importCatalog()} asks.
   */
  void startSheets(ShopSpreadsheet spreadsheet) {
    startEmulator(spreadsheet);
    startProjector();
  }

  /** Starts only the sheets emulator (no write quota) holding {@code spreadsheet}. */
  void startEmulator(ShopSpreadsheet spreadsheet) {
    SheetsEmulator started = new SheetsEmulator();
    started.start(EmulatorConfig.defaults().withWritesPerMinute(0));
    started.putSpreadsheet(SPREADSHEET, spreadsheet.sheets());
    emulator = started;
  }

  SheetsEmulator emulator() {
    return Objects.requireNonNull(emulator, "start the emulator first");
  }

  /** Starts the sheets-projector in this JVM against the emulator. */
  void startProjector() {
    List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
    arguments.addAll(projectorArguments());
    ConfigurableApplicationContext started =
        ProjectorApplication.builder().run(arguments.toArray(String[]::new));
    projector = started;
    projectorBase = "http://127.0.0.1:" + started.getEnvironment().getProperty("local.server.port");
  }

  /** Starts the in-process sheets-projector unless it is running already. */
  void startProjectorIfStopped() {
    if (projector == null) {
      startProjector();
    }
  }

  /** A sheets-projector's settings for this system, as {@code --name=value} arguments. */
  List<String> projectorArguments() {
    return List.of(
        "--spring.kafka.bootstrap-servers=" + brokers(),
        "--zeues.sheets.spreadsheet-id=" + SPREADSHEET,
        "--zeues.sheets.root-url=" + emulator().rootUrl(),
        "--zeues.catalog.scheduled=false",
        "--zeues.projection.max-wait=200ms");
  }

  static final String SPREADSHEET = "zeues-system-test";

  /** The real Google client, pointed at the emulator. */
  Sheets sheets() {
    return new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), null)
        .setRootUrl(emulator().rootUrl())
        .setApplicationName("system-tests")
        .build();
  }

  /** Runs the projector's catalog import now (what the schedule does every 30 s). */
  void importCatalog() {
    Response response =
        send(
            HttpRequest.newBuilder(URI.create(projectorBase + "/api/catalog/import"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    if (response.status() != 200) {
      throw new IllegalStateException("catalog import failed: " + response.body());
    }
  }

  /** Publishes active workers (as the sheet import does), named as {@link Tablets} names them. */
  void workers(int... ids) {
    for (int id : ids) {
      WorkerCatalogEntry worker = Tablets.catalogEntry(id);
      send(Topics.WORKER_CATALOG.name(), worker.key(), codec.write(worker));
    }
  }

  /** Publishes catalog entries (as the sheet import will) for spools that have materials. */
  void catalog(Collection<String> tags) {
    for (String tag : tags) {
      send(
          Topics.SPOOL_CATALOG.name(),
          tag,
          codec.write(new SpoolCatalogEntry(tag, LocalDate.parse("2026-10-01"))));
    }
  }

  void send(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + topic, e);
    }
  }

  record Response(int status, String body, HttpResponse<String> raw) {}

  Response post(String path, String json) {
    return post(path, json, Map.of());
  }

  Response post(String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(apiBase + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    if (headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
      request.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
    return send(request.build());
  }

  Response get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(apiBase + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .GET()
            .build());
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response);
    } catch (Exception e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    }
  }

  /** Every committed event in the log so far (read_committed, from offset 0, all partitions). */
  List<ConsumerRecord<String, byte[]>> eventRecords() {
    return records(Topics.EVENTS.name());
  }

  /** Every committed record of {@code topic} so far (read_committed, from offset 0). */
  List<ConsumerRecord<String, byte[]>> records(String topic) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read the event log to its end " + ends);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** The end offsets of every partition of {@code topic} (what has been written to it). */
  Map<TopicPartition, Long> endOffsets(String topic) {
    try {
      TopicDescription description =
          admin()
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(topic);
      Map<TopicPartition, OffsetSpec> latest =
          description.partitions().stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      return admin().listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the end offsets of " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the end offsets of " + topic, e);
    }
  }

  /** One admin client for the test's questions to the broker (it reconnects after a restart). */
  private synchronized Admin admin() {
    if (admin == null) {
      admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                  AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                  AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }
    return admin;
  }

  /** Listener threads, so Kafka consumers, per processor instance. */
  static final int PROCESSOR_CONCURRENCY = 3;

  /**
   * Waits until the processors' consumer group is stable with {@code instances} processors ({@link
   * #PROCESSOR_CONCURRENCY} consumers each) sharing every partition of the commands topic; asked of
   * the broker, so it sees processors in other processes too (a SIGKILLed instance stays in the
   * group until its session times out).
   */
  void awaitProcessorGroup(int instances, Duration within) {
    Awaitility.await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              ConsumerGroupDescription group =
                  admin()
                      .describeConsumerGroups(List.of(PROCESSOR_GROUP))
                      .describedGroups()
                      .get(PROCESSOR_GROUP)
                      .get(10, TimeUnit.SECONDS);
              long owned =
                  group.members().stream()
                      .flatMap(m -> m.assignment().topicPartitions().stream())
                      .filter(tp -> tp.topic().equals(Topics.COMMANDS.name()))
                      .count();
              return group.groupState() == GroupState.STABLE
                  && group.members().size() == instances * PROCESSOR_CONCURRENCY
                  && owned == Topics.COMMANDS.partitions();
            });
  }

  static final String PROCESSOR_GROUP = "zeues-processor";

  List<OccupationEvent> events() {
    return eventRecords().stream().map(r -> codec.read(r.value(), OccupationEvent.class)).toList();
  }

  List<OccupationEvent> events(String tag) {
    return events().stream().filter(e -> e.tagSpool().equals(tag)).toList();
  }

  /** Closes the in-process projector (a clean shutdown). */
  void stopProjector() {
    if (projector != null) {
      projector.close();
      projector = null;
    }
  }

  @Override
  public void close() {
    stopProjector();
    if (emulator != null) {
      emulator.stop();
    }
    if (api != null) {
      api.close();
    }
    processors.forEach(ConfigurableApplicationContext::close);
    processorProcesses.forEach(ServiceProcess::close);
    producer.close(Duration.ofSeconds(5));
    synchronized (this) {
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
    }
    redisConnection.close();
    redisClient.shutdown();
    if (embeddedBroker != null) {
      embeddedBroker.destroy();
    }
    if (restartableBroker != null) {
      restartableBroker.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (brokerDir != null) {
      FileSystemUtils.deleteRecursively(brokerDir.toFile());
    }
  }
}
