package cl.zeues.occupation.localstack;

import cl.zeues.occupation.api.CommandApiApplication;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.processor.ProcessorApplication;
import cl.zeues.occupation.projector.ProjectorApplication;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.SheetsEmulator;
import cl.zeues.occupation.sheetsemulator.grid.ValueRenderOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * {@code ./zeues run}: the whole system on 127.0.0.1 in this JVM. A real KRaft broker whose log
 * lives in the data folder, the sheets emulator (file-backed in the same folder), the
 * occupation-processor, the sheets-projector (projection and catalog import) and the command-api.
 * The first start writes a realistic shop into the spreadsheet, lets the catalog import publish it,
 * and drives the shop's state mix through the API so the log, Redis and the sheet agree; later
 * starts resume from the same data. Ctrl-C stops everything in order.
 */
public final class LocalStack implements AutoCloseable {

  /**
   * The local stack's bootstrap admin token (a demo value, printed at start): issue device tokens
   * with it through {@code POST /api/admin/credentials}; it also works on the tablet routes.
   */
  static final String DEMO_ADMIN_TOKEN = "local-demo-admin-token";

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  static final String SPREADSHEET = "zeues-local";
  static final String STATE_FILE = "local-stack.properties";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final LocalStackSettings settings;
  private final RedisDatabase redis;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private @Nullable DemoShop shop;
  private @Nullable ConfigurableApplicationContext processor;
  private int apiManagementPort;
  private @Nullable StateSeeder seeder;
  private @Nullable String demoTabletToken;
  private @Nullable Thread seeding;
  private boolean firstStart;
  private boolean seedingDone;

  LocalStack(LocalStackSettings settings) {
    this.settings = settings;
    this.redis = new RedisDatabase(settings.redisUrl());
  }

  public static void main(String[] args) {
    long startedAt = System.nanoTime();
    // Several Spring applications share this JVM's logback: logback.xml configures it once.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    LocalStackSettings settings;
    try {
      settings = LocalStackSettings.from(args, System.getenv());
      preflight(settings);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("zeues: " + e.getMessage());
      System.exit(2);
      return;
    }
    LocalStack stack = new LocalStack(settings);
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().name("local-stack-stop").unstarted(stack::stop));
    try {
      stack.start();
    } catch (StartRefused e) {
      System.err.println("zeues: " + e.getMessage());
      stack.close();
      System.exit(2);
      return;
    } catch (RuntimeException e) {
      log.error("the local stack could not start", e);
      stack.close();
      System.exit(1);
      return;
    }
    stack.issueDemoTablet();
    System.out.print(stack.welcome(Duration.ofNanos(System.nanoTime() - startedAt)));
    System.out.flush();
    stack.seedInBackground();
  }

  /**
   * Checks what would make the start fail half-way, before starting anything: every port free on
   * 127.0.0.1, and Redis answering.
   */
  static void preflight(LocalStackSettings settings) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("api-port", settings.apiPort());
    ports.put("processor-port", settings.processorPort());
    ports.put("projector-port", settings.projectorPort());
    ports.put("sheets-port", settings.sheetsPort());
    ports.put("kafka-port", settings.kafkaPort());
    ports.put("controller-port", settings.controllerPort());
    ports.forEach(LocalStack::requireFree);
    String failure = new RedisDatabase(settings.redisUrl()).unreachable();
    if (failure != null) {
      throw new IllegalStateException(
          "Redis does not answer at "
              + settings.redisUrl()
              + " ("
              + failure
              + "); `./zeues run` starts redis-server on 127.0.0.1:6379 when it can (apt-get"
              + " install redis-server), or point --redis-url / REDIS_URL at a running one");
    }
  }

  private static void requireFree(String name, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
    } catch (IOException e) {
      throw new IllegalStateException(
          "port "
              + port
              + " on 127.0.0.1 ("
              + name
              + ") is already in use: stop what uses it, or choose another with --"
              + name
              + "=PORT");
    }
  }

  /** Starts everything and waits until every service is ready; throws when something cannot. */
  void start() {
    Path data = settings.dataDir();
    if (settings.reset()) {
      deleteRecursively(data);
      log.info("--reset: deleted {}", data);
    }
    KafkaBroker broker =
        new KafkaBroker(data.resolve("kafka"), settings.kafkaPort(), settings.controllerPort());
    firstStart = broker.isNew();
    Properties state = readState();
    int spools =
        firstStart
            ? settings.spools()
            : Integer.parseInt(state.getProperty("spools", String.valueOf(settings.spools())));
    if (!firstStart) {
      requireRedisMatches(broker.clusterId());
    }
    DemoShop demo = DemoShop.generate(spools, LocalDate.now(ZoneId.of("America/Santiago")));
    shop = demo;

    long t = System.nanoTime();
    SheetsEmulator emulator = new SheetsEmulator();
    started.add(broker);
    started.add(emulator);
    // The broker and the emulator start side by side; the services need both.
    try (ExecutorService boot = Executors.newFixedThreadPool(3)) {
      Future<?> kafka =
          boot.submit(
              () -> {
                broker.start();
                broker.createTopics();
                log.info(
                    "Kafka broker on {} ({} in {}) in {} ms",
                    broker.bootstrap(),
                    firstStart ? "new log" : "resumed log",
                    data.resolve("kafka"),
                    millisSince(t));
              });
      Future<Boolean> sheets =
          boot.submit(
              () -> {
                emulator.start(
                    EmulatorConfig.defaults()
                        .withHost("127.0.0.1")
                        .withPort(settings.sheetsPort())
                        .withDataFile(data.resolve("sheets.json")));
                boolean present =
                    emulator
                        .spreadsheet(SPREADSHEET, ValueRenderOption.FORMATTED_VALUE)
                        .isPresent();
                if (firstStart || !present) {
                  emulator.putSpreadsheet(SPREADSHEET, demo.sheets());
                  log.info(
                      "wrote spreadsheet {}: {} spools in Operaciones, {} workers, Metadata empty",
                      SPREADSHEET,
                      demo.spools().size(),
                      demo.workers().size());
                }
                log.info(
                    "sheets emulator on {} (data in {}) in {} ms",
                    settings.sheetsRootUrl(),
                    data.resolve("sheets.json"),
                    millisSince(t));
                return present;
              });
      await(kafka);
      boolean sheetPresent = await(sheets);
      String clusterId = broker.clusterId();
      if (firstStart) {
        redis.resetFor(clusterId);
        log.info(
            "first start: emptied Redis {} so the lock state matches the new event log", redis());
        state.setProperty("spools", String.valueOf(spools));
        state.setProperty("created", Instant.now().toString());
        writeState(state);
      } else if (!sheetPresent) {
        // The sheet was lost but the log was not: project the whole log into the new sheet again.
        forgetProjectedOffsets(broker);
      }

      long services = System.nanoTime();
      // The three services start side by side; each follows the catalogs as they are published.
      Future<ConfigurableApplicationContext> processorStart =
          boot.submit(
              () ->
                  start(
                      "occupation-processor",
                      ProcessorApplication.builder(),
                      settings.processorPort(),
                      "--zeues.processor.redis-url=" + settings.redisUrl(),
                      "--springdoc.api-docs.enabled=false",
                      "--springdoc.swagger-ui.enabled=false"));
      Future<ConfigurableApplicationContext> projectorStart =
          boot.submit(
              () ->
                  start(
                      "sheets-projector",
                      ProjectorApplication.builder(),
                      settings.projectorPort(),
                      "--zeues.sheets.spreadsheet-id=" + SPREADSHEET,
                      "--zeues.sheets.root-url=" + settings.sheetsRootUrl(),
                      "--springdoc.api-docs.enabled=false",
                      "--springdoc.swagger-ui.enabled=false"));
      Future<ConfigurableApplicationContext> apiStart =
          boot.submit(
              () ->
                  start(
                      "command-api",
                      CommandApiApplication.builder(),
                      settings.apiPort(),
                      "--spring.data.redis.url=" + settings.redisUrl(),
                      "--zeues.security.bootstrap-admin-token=" + DEMO_ADMIN_TOKEN,
                      // Actuator on a port of its own on 127.0.0.1, as deployed (8081 is the
                      // processor's here, so any free one).
                      "--management.server.port=0"));
      // Kept in start order, so close() stops the API first and the processor last.
      List<ConfigurableApplicationContext> contexts =
          collect(List.of(processorStart, projectorStart, apiStart));
      processor = contexts.getFirst();
      apiManagementPort =
          Integer.parseInt(
              java.util.Objects.requireNonNull(
                  contexts.getLast().getEnvironment().getProperty("local.management.port")));
      importCatalog();
      awaitReady("occupation-processor", settings.processorPort());
      awaitReady("sheets-projector", settings.projectorPort());
      awaitReady("command-api", apiManagementPort);
      awaitUntil(
          "the processor to own every partition of " + Topics.COMMANDS.name(),
          () -> assignedPartitions() == Topics.COMMANDS.partitions());
      log.info("services ready in {} ms", millisSince(services));
    }
    seedingDone = state.containsKey("seeded") || !settings.seedStates();
  }

  /**
   * The contexts the starts produced, each registered for {@link #close()} (also when another
   * failed, so nothing is left running); rethrows the first failure.
   */
  private List<ConfigurableApplicationContext> collect(
      List<Future<ConfigurableApplicationContext>> starts) {
    List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<ConfigurableApplicationContext> start : starts) {
      try {
        ConfigurableApplicationContext context = await(start);
        started.add(context::close);
        contexts.add(context);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return contexts;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private ConfigurableApplicationContext start(
      String name,
      org.springframework.boot.builder.SpringApplicationBuilder builder,
      int port,
      String... extra) {
    long t = System.nanoTime();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + settings.kafkaBootstrap(),
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                // This class stops the services in order (the broker last), not Spring's own hooks.
                "--spring.main.register-shutdown-hook=false"));
    args.addAll(List.of(extra));
    ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
    log.info("{} started on 127.0.0.1:{} in {} ms", name, port, millisSince(t));
    return context;
  }

  /** Runs the projector's catalog import now, so the processor and the API start with it. */
  private void importCatalog() {
    long t = System.nanoTime();
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + settings.projectorPort() + "/api/catalog/import"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    if (response == null || response.statusCode() != 200) {
      throw new IllegalStateException(
          "the catalog import failed: " + (response == null ? "no answer" : response.body()));
    }
    log.info("catalog import from the sheet in {} ms", millisSince(t));
  }

  /**
   * Every earlier start stamped its Redis database with the log's cluster id. No stamp means Redis
   * lost the lock state (restarted without persistence): the database is emptied and stamped, and
   * the processor rebuilds the lock state from the event log before deciding. Another log's stamp
   * means another stack uses that database: refused, never overwritten.
   */
  private void requireRedisMatches(String clusterId) {
    String stamped = redis.stampedClusterId();
    if (stamped == null) {
      redis.resetFor(clusterId);
      log.warn(
          "Redis {} no longer holds the lock state of the event log in {} (restarted without"
              + " persistence?); the processor rebuilds it from the log before deciding",
          redis(),
          settings.dataDir());
    } else if (!clusterId.equals(stamped)) {
      throw new StartRefused(
          "Redis "
              + redis()
              + " holds the lock state of another event log than the one in "
              + settings.dataDir()
              + " (another stack uses that database); start over with --reset=true (deletes the"
              + " data folder), or use --redis-url of the database this data folder was run with");
    }
  }

  private static void forgetProjectedOffsets(KafkaBroker broker) {
    try (Admin admin = broker.admin()) {
      admin.deleteConsumerGroups(List.of("sheets-projector")).all().get(10, TimeUnit.SECONDS);
      log.info("the spreadsheet was missing: the whole event log is projected into it again");
    } catch (Exception e) {
      log.debug("no sheets-projector offsets to forget: {}", e.toString());
    }
  }

  /**
   * On the first start (or when an earlier seeding was interrupted), drives the shop's state mix
   * through the API on a background thread; later starts keep the data.
   */
  void seedInBackground() {
    if (seedingDone || shop == null) {
      return;
    }
    DemoShop demo = shop;
    StateSeeder running = new StateSeeder(apiBase(), 48);
    seeder = running;
    Map<DemoShop.Target, Integer> mix = demo.mix();
    log.info(
        "seeding the shop's state mix in the background through the API ({}): {}", apiBase(), mix);
    seeding =
        Thread.ofPlatform()
            .name("local-stack-seeding")
            .daemon(true)
            .start(
                () -> {
                  try {
                    StateSeeder.Result result = running.seed(demo);
                    if (stopping) {
                      return;
                    }
                    Properties state = readState();
                    state.setProperty("seeded", Instant.now().toString());
                    state.setProperty("seeding-took-ms", String.valueOf(result.took().toMillis()));
                    writeState(state);
                    seedingDone = true;
                    log.info(
                        "seeded: {} commands for {} spools in {} ms ({} refused){}",
                        result.commands(),
                        result.spools(),
                        result.took().toMillis(),
                        result.failed(),
                        "; the sheet follows within seconds");
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (RuntimeException e) {
                    log.warn("seeding stopped: {}", e.toString());
                  }
                });
  }

  /** For tests: waits for the background seeding, if any, to end. */
  boolean awaitSeeding(Duration timeout) throws InterruptedException {
    Thread thread = seeding;
    if (thread != null) {
      thread.join(timeout);
    }
    return seedingDone;
  }

  boolean firstStart() {
    return firstStart;
  }

  @Nullable DemoShop shop() {
    return shop;
  }

  String apiBase() {
    return "http://127.0.0.1:" + settings.apiPort();
  }

  private String redis() {
    return settings.redisUrl();
  }

  private int assignedPartitions() {
    ConfigurableApplicationContext context = processor;
    if (context == null) {
      return 0;
    }
    Collection<?> assigned =
        context
            .getBean("commandListenerContainer", MessageListenerContainer.class)
            .getAssignedPartitions();
    return assigned == null ? 0 : assigned.size();
  }

  private void awaitReady(String name, int port) {
    URI uri = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    awaitUntil(
        name + " to be ready (" + uri + ")",
        () -> {
          HttpResponse<String> response =
              send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build());
          return response != null && response.statusCode() == 200;
        });
  }

  private static void awaitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out after " + READY_TIMEOUT + " waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private @Nullable HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private Properties readState() {
    Properties state = new Properties();
    Path file = settings.dataDir().resolve(STATE_FILE);
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        state.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return state;
  }

  private void writeState(Properties state) {
    Path file = settings.dataDir().resolve(STATE_FILE);
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(STATE_FILE + ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        state.store(out, "the local stack's own bookkeeping of this data folder");
      }
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  /**
   * Issues a tablet credential for the walk-through, as a shop's administrator would for a new
   * tablet (each start issues one; revoke old ones with the admin routes). Without it the printed
   * commands fall back to the admin token.
   */
  void issueDemoTablet() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(apiBase() + "/api/admin/credentials"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + DEMO_ADMIN_TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"tablet-demo\",\"role\":\"TABLET\"}"))
                .build());
    if (response != null && response.statusCode() / 100 == 2) {
      java.util.regex.Matcher token =
          java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"")
              .matcher(response.body());
      if (token.find()) {
        demoTabletToken = token.group(1);
        return;
      }
    }
    log.warn(
        "could not issue a demo tablet credential ({}); the walk-through uses the admin token",
        response == null ? "no answer" : response.statusCode());
  }

  String welcome(Duration startup) {
    String api = apiBase();
    String tag = shop == null ? "MK-0000-XX-00000-001" : shop.walkThroughSpool().tag();
    String tablet = demoTabletToken != null ? demoTabletToken : DEMO_ADMIN_TOKEN;
    String auth = "-H 'Authorization: Bearer " + tablet + "' ";
    String json = auth + "-H 'Content-Type: application/json' -d ";
    StringBuilder text = new StringBuilder();
    text.append(String.format("%nZEUES Occupation is up (%.1f s)%n", startup.toMillis() / 1000.0));
    text.append(String.format("  API            %s/api/occupation%n", api));
    text.append(String.format("  Swagger UI     %s/swagger-ui.html%n", api));
    text.append(
        String.format(
            "  Admin token    %s  (Authorization: Bearer ...; issue device tokens with"
                + " POST %s/api/admin/credentials)%n",
            DEMO_ADMIN_TOKEN, api));
    if (demoTabletToken != null) {
      text.append(
          String.format(
              "  Tablet token   %s  (a TABLET credential issued for this demo)%n",
              demoTabletToken));
    }
    text.append(
        String.format("  Spreadsheet    %s   (Operaciones, Metadata, ...)%n", sheetsView()));
    text.append(
        String.format(
            "  Health         http://127.0.0.1:%d/actuator/health  http://127.0.0.1:%d/actuator/health"
                + "  http://127.0.0.1:%d/actuator/health%n",
            apiManagementPort, settings.processorPort(), settings.projectorPort()));
    text.append(
        String.format(
            "  Metrics        http://127.0.0.1:%d/actuator/prometheus  (processor :%d, projector :%d,"
                + " same path)%n",
            apiManagementPort, settings.processorPort(), settings.projectorPort()));
    text.append(
        String.format(
            "  Kafka          %s   Redis %s%n", settings.kafkaBootstrap(), settings.redisUrl()));
    text.append(
        String.format(
            "  Data           %s (%s)%n",
            settings.dataDir(), firstStart ? "new" : "resumed; --reset=true starts over"));
    if (!seedingDone) {
      text.append(
          String.format(
              "  Seeding        %d spools' states go through the API in the background now"
                  + " (a line says when done)%n",
              shop == null
                  ? 0
                  : shop.spools().stream().filter(s -> !shop.plan(s).isEmpty()).count()));
    }
    text.append(
        String.format(
            "%nTake a spool, see a second worker refused, pause, resume as another worker and"
                + " complete:%n"));
    String post = "  curl -s -XPOST " + api + "/api/occupation/";
    text.append(post).append("tomar ").append(json).append(q(body(tag, 94, "JP(94)", "ARM")));
    text.append('\n');
    text.append(post).append("tomar ").append(json).append(q(body(tag, 12, "Ana Bravo", "ARM")));
    text.append("   # 409 SPOOL_OCCUPIED\n");
    text.append(post).append("pausar ").append(json).append(q(body(tag, 94, "JP(94)", null)));
    text.append('\n');
    text.append(post).append("tomar ").append(json).append(q(body(tag, 12, "Ana Bravo", "ARM")));
    text.append('\n');
    text.append(post).append("completar ").append(json).append(q(body(tag, 12, "Ana Bravo", null)));
    text.append('\n');
    text.append("  curl -s ")
        .append(auth)
        .append(api)
        .append("/api/occupation/status/")
        .append(tag);
    text.append(
        String.format(
            "%n%nCtrl-C stops everything; the next start resumes from %s.%n%n",
            settings.dataDir()));
    return text.toString();
  }

  String sheetsView() {
    return settings.sheetsRootUrl();
  }

  private static String q(String text) {
    return "'" + text + "'";
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

  private volatile boolean stopping;

  /** Ctrl-C: stops the seeding, then the services, the emulator and the broker, in that order. */
  void stop() {
    long t = System.nanoTime();
    stopping = true;
    StateSeeder running = seeder;
    if (running != null) {
      running.stop();
    }
    Thread thread = seeding;
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    boolean anything = !started.isEmpty();
    close();
    if (anything) {
      System.out.printf("zeues: stopped in %.1f s%n", millisSince(t) / 1000.0);
      System.out.flush();
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

  /** A start refused for a reason a person must act on; printed as one line. */
  static final class StartRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartRefused(String message) {
      super(message);
    }
  }
}
