package cl.zeues.occupation.views.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.sse.SseHub;
import cl.zeues.occupation.views.testing.ShopLog;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/sse/stream} over real HTTP: 200 clients each see all of 1,000 events in the same
 * order, a client resuming with {@code Last-Event-ID} gets exactly what it missed, an unknown id
 * gets a {@code reset}, idle connections get heartbeats, and over the configured maximum the stream
 * answers 503 at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SseStreamIT {

  static final Duration WAIT = Duration.ofMinutes(5);
  static final int CLIENTS = 200;
  static final int EVENTS = 1_000;

  final SharedBroker kafka = SharedBroker.get();
  final List<Worker> workers =
      ShopLog.workers(30).stream().map(WorkerCatalogEntry::worker).toList();
  final JsonMapper json = JsonMapper.builder().build();
  final List<HttpClient> httpClients =
      IntStream.range(0, 4).mapToObj(i -> HttpClient.newHttpClient()).toList();
  final List<SseClient> open = new ArrayList<>();
  ConfigurableApplicationContext app;
  SseHub hub;
  int port;

  @BeforeAll
  void start() {
    app =
        ViewsTestApplication.start(
            kafka.brokers(),
            "zeues.views.sse.max-connections=" + CLIENTS,
            "zeues.views.sse.heartbeat=1s",
            "server.shutdown=graceful",
            "spring.lifecycle.timeout-per-shutdown-phase=2m");
    hub = app.getBean(SseHub.class);
    port = ViewsTestApplication.port(app);
    Http http = new Http(port);
    await().atMost(WAIT).until(() -> http.get("/actuator/health/readiness").status() == 200);
  }

  @AfterEach
  void closeClients() {
    open.forEach(SseClient::close);
    open.clear();
    await().atMost(WAIT).until(() -> hub.connectionCount() == 0);
  }

  /** Streams never end by themselves: stopping must end them, not wait out the grace period. */
  @AfterAll
  void stoppingTheAppEndsOpenStreamsInsteadOfWaitingForThem() {
    SseClient client = connect(null);
    await().atMost(WAIT).until(() -> hub.connectionCount() == 1);

    long started = System.nanoTime();
    app.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
    await().atMost(WAIT).until(client::hasEnded);
  }

  SseClient connect(String lastEventId) {
    SseClient client =
        new SseClient(httpClients.get(open.size() % httpClients.size()), port, lastEventId);
    open.add(client);
    return client;
  }

  /** Publishes {@code count} events of spools of their own; returns their ids in log order. */
  List<OccupationEvent> publish(String prefix, int spools, int count) {
    ShopLog log = new ShopLog(prefix.hashCode());
    log.randomWalk(ShopLog.tags(prefix, spools), workers, count);
    List<OccupationEvent> events = log.events();
    kafka.publish(events);
    return events;
  }

  @Test
  void twoHundredClientsEachSeeEveryOneOfAThousandEventsInTheSameOrder() throws Exception {
    for (int i = 0; i < CLIENTS; i++) {
      assertThat(connect(null).status).isEqualTo(200);
    }
    await().atMost(WAIT).until(() -> hub.connectionCount() == CLIENTS);

    long started = System.nanoTime();
    List<OccupationEvent> events = publish("7401", 250, EVENTS);
    long published = System.nanoTime();
    await()
        .atMost(WAIT)
        .until(() -> open.stream().allMatch(c -> c.updateIds().size() >= events.size()));
    long delivered = System.nanoTime();

    List<String> order = open.getFirst().updateIds();
    assertThat(order)
        .containsExactlyInAnyOrderElementsOf(
            events.stream().map(e -> e.eventId().toString()).toList());
    for (SseClient client : open) {
      assertThat(client.updateIds()).isEqualTo(order);
    }
    Map<String, List<String>> perSpoolInLog = new LinkedHashMap<>();
    events.forEach(
        e ->
            perSpoolInLog
                .computeIfAbsent(e.tagSpool(), t -> new ArrayList<>())
                .add(e.eventId().toString()));
    Map<String, List<String>> perSpoolInStream = new LinkedHashMap<>();
    for (SseClient.Event event : open.getFirst().named("spool_update")) {
      JsonNode data = json.readTree(event.data());
      assertThat(data.get("event_id").asString()).isEqualTo(event.id());
      perSpoolInStream
          .computeIfAbsent(data.get("spool").get("tag_spool").asString(), t -> new ArrayList<>())
          .add(event.id());
    }
    assertThat(perSpoolInStream).isEqualTo(perSpoolInLog);
    assertThat(hub.droppedCount()).isZero();
    System.out.printf(
        "SSE: %d clients x %d events: published in %d ms, all delivered %d ms after the first"
            + " publish (%d messages), dropped %d%n",
        CLIENTS,
        events.size(),
        (published - started) / 1_000_000,
        (delivered - started) / 1_000_000,
        (long) CLIENTS * events.size(),
        hub.droppedCount());
  }

  @Test
  void overTheConfiguredMaximumTheStreamAnswers503AtOnce() {
    for (int i = 0; i < CLIENTS; i++) {
      connect(null);
    }
    await().atMost(WAIT).until(() -> hub.connectionCount() == CLIENTS);

    SseClient refused = connect(null);

    assertThat(refused.status).isEqualTo(503);
    assertThat(refused.contentType).startsWith("application/problem+json");
    assertThat(refused.body).contains("\"code\":\"CONEXIONES_AGOTADAS\"");
    assertThat(hub.refusedCount()).isPositive();
  }

  @Test
  void aClientReconnectingWithLastEventIdGetsExactlyTheEventsItMissed() {
    SseClient witness = connect(null);
    SseClient first = connect(null);
    await().atMost(WAIT).until(() -> hub.connectionCount() == 2);
    int before = publish("7402", 40, 30).size();
    await().atMost(WAIT).until(() -> first.updateIds().size() == before);
    first.close();
    await().atMost(WAIT).until(() -> hub.connectionCount() == 1);

    int missedWhileAway = publish("7403", 40, 40).size();
    SseClient resumed = connect(first.updateIds().getLast());
    int after = publish("7404", 40, 10).size();
    int total = before + missedWhileAway + after;
    await().atMost(WAIT).until(() -> witness.updateIds().size() == total);
    await().atMost(WAIT).until(() -> resumed.updateIds().size() >= missedWhileAway + after);

    assertThat(resumed.updateIds()).isEqualTo(witness.updateIds().subList(before, total));
    assertThat(resumed.named("reset")).isEmpty();
  }

  @Test
  void anUnknownLastEventIdGetsAResetThenLiveUpdatesAndIdleTimeGetsHeartbeats() {
    SseClient client = connect(UUID.randomUUID().toString());
    await().atMost(WAIT).until(() -> !client.named("reset").isEmpty());

    int count = publish("7405", 10, 5).size();

    await().atMost(WAIT).until(() -> client.updateIds().size() == count);
    assertThat(client.events.getFirst().name()).isEqualTo("reset");
    await().atMost(WAIT).until(() -> client.comments.contains("ping"));
  }
}
