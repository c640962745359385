package cl.zeues.occupation.benchmarks.reads;

import cl.zeues.occupation.api.CommandApiApplication;
import cl.zeues.occupation.benchmarks.replay.EventLog;
import cl.zeues.occupation.benchmarks.support.InProcessKafka;
import cl.zeues.occupation.benchmarks.support.StartedParts;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.kafka.EventFeed;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.model.SpoolQueries;
import cl.zeues.occupation.views.model.SpoolView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process broker holding a generated shop's log and catalogs, and the real command-api (which
 * hosts the read model) started on it with its own configuration and device credentials on; a
 * TABLET credential issued through the admin route, as a shop would.
 */
final class ReadSystem implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
  private static final LocalDate MATERIALES = LocalDate.of(2026, 5, 4);
  private static final int WORKERS = 40;

  private final StartedParts started = new StartedParts();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String adminToken = "bench-admin-" + UUID.randomUUID();
  private final InProcessKafka kafka;
  private @Nullable ConfigurableApplicationContext api;
  private Duration appStartToLoaded = Duration.ZERO;

  private ReadSystem(InProcessKafka kafka) {
    this.kafka = kafka;
    started.add(kafka);
  }

  /**
   * Starts the broker and publishes the catalogs and {@code log}, keyed and typed as the processor
   * does.
   */
  static ReadSystem publish(EventLog log, List<String> tags) {
    InProcessKafka kafka = InProcessKafka.start(Topics.EVENTS.partitions());
    ReadSystem system = new ReadSystem(kafka);
    try {
      kafka.createTopics(Topics.ALL);
      system.publishAll(log, tags);
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  private void publishAll(EventLog log, List<String> tags) {
    JsonCodec codec = new JsonCodec();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.brokers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024),
            new StringSerializer(),
            new ByteArraySerializer())) {
      IntStream.rangeClosed(1, WORKERS)
          .mapToObj(
              id -> new WorkerCatalogEntry(id, "Nombre" + id, "Apellido", true, List.of("Armador")))
          .forEach(
              w ->
                  producer.send(
                      new ProducerRecord<>(Topics.WORKER_CATALOG.name(), w.key(), codec.write(w))));
      for (String tag : tags) {
        producer.send(
            new ProducerRecord<>(
                Topics.SPOOL_CATALOG.name(),
                tag,
                codec.write(new SpoolCatalogEntry(tag, MATERIALES))));
      }
      for (OccupationEvent event : log.events()) {
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(Topics.EVENTS.name(), event.tagSpool(), codec.write(event));
        CloudEventHeaders.of(event).forEach((name, value) -> record.headers().add(name, value));
        producer.send(record);
      }
      producer.flush();
    }
  }

  List<Integer> workerIds() {
    return IntStream.rangeClosed(1, WORKERS).boxed().toList();
  }

  /**
   * Starts the command-api and waits until its read model has folded the whole log.
   *
   * @return the feed's own rebuild time (start to loaded)
   */
  Duration startApi() {
    long starting = System.nanoTime();
    ConfigurableApplicationContext app =
        CommandApiApplication.builder()
            .run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.brokers(),
                "--spring.data.redis.url=redis://127.0.0.1:6379/13",
                "--zeues.security.bootstrap-admin-token=" + adminToken,
                "--spring.main.banner-mode=off");
    api = app;
    started.add(app::close);
    OccupationViews views = app.getBean(OccupationViews.class);
    awaitUntil("the read model to load the log", views::isLoaded);
    appStartToLoaded = Duration.ofNanos(System.nanoTime() - starting);
    return Objects.requireNonNull(app.getBean(EventFeed.class).rebuildTime(), "rebuild time");
  }

  /** The spools whose rebuilt view differs from the domain's own replay of their events. */
  List<String> wronglyRebuilt(EventLog log) {
    OccupationViews views = running().getBean(OccupationViews.class);
    return log.bySpool().entrySet().stream()
        .filter(
            spool ->
                !views
                    .spool(spool.getKey())
                    .map(SpoolView::state)
                    .equals(Optional.of(SpoolState.replay(spool.getKey(), spool.getValue()))))
        .map(Map.Entry::getKey)
        .toList();
  }

  SpoolQueries queries() {
    return running().getBean(SpoolQueries.class);
  }

  Duration appStartToLoaded() {
    return appStartToLoaded;
  }

  long rebuildEvents() {
    return running().getBean(EventFeed.class).rebuildEvents();
  }

  String base() {
    return "http://127.0.0.1:" + running().getEnvironment().getProperty("local.server.port");
  }

  private ConfigurableApplicationContext running() {
    if (api == null) {
      throw new IllegalStateException("the command-api is not started");
    }
    return api;
  }

  /**
   * Issues {@code count} TABLET credentials through the admin route (one per tablet: the API limits
   * each device's requests, as a shop's tablets share the load) and waits until the API accepts
   * them.
   */
  List<String> tabletTokens(int count) {
    List<String> tokens = new java.util.ArrayList<>(count);
    JsonMapper json = JsonMapper.builder().build();
    for (int i = 1; i <= count; i++) {
      String body =
          send(
              HttpRequest.newBuilder(URI.create(base() + "/api/admin/credentials"))
                  .header("Authorization", "Bearer " + adminToken)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\":\"bench tablet " + i + "\",\"role\":\"TABLET\"}"))
                  .build(),
              201);
      tokens.add(json.readTree(body).path("token").asString());
    }
    for (String token : tokens) {
      HttpRequest probe =
          HttpRequest.newBuilder(URI.create(base() + "/api/workers"))
              .header("Authorization", "Bearer " + token)
              .build();
      awaitUntil("an issued credential to be accepted", () -> status(probe) == 200);
    }
    return tokens;
  }

  private String send(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            request.uri() + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private int status(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
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

  @Override
  public void close() {
    started.close();
  }
}
