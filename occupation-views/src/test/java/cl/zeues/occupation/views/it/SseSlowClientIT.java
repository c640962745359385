package cl.zeues.occupation.views.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.sse.SseHub;
import cl.zeues.occupation.views.testing.ShopLog;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A client that stops reading fills its socket, then its bounded buffer, and is dropped and
 * counted, while a client that reads keeps getting every event; once it reads again it finds {@code
 * event: dropped}, and resuming with its {@code Last-Event-ID} gets exactly what it missed.
 */
class SseSlowClientIT {

  static final Duration WAIT = Duration.ofMinutes(3);
  static final int MAX_EVENTS = 30_000;

  @Test
  void aClientThatStopsReadingIsDroppedAndCountedAndResumesWithoutAGap() throws Exception {
    SharedBroker kafka = SharedBroker.get();
    List<Worker> workers = ShopLog.workers(30).stream().map(WorkerCatalogEntry::worker).toList();
    try (ConfigurableApplicationContext app =
        ViewsTestApplication.start(kafka.brokers(), "zeues.views.sse.buffer-size=64")) {
      int port = ViewsTestApplication.port(app);
      SseHub hub = app.getBean(SseHub.class);
      Http http = new Http(port);
      await().atMost(WAIT).until(() -> http.get("/actuator/health/readiness").status() == 200);
      HttpClient httpClient = HttpClient.newHttpClient();
      try (SseClient reader = new SseClient(httpClient, port, null);
          StalledSocket stalled = new StalledSocket(port)) {
        await().atMost(WAIT).until(() -> hub.connectionCount() == 2);

        // rounds small enough for the reading client's buffer of 64, until the stalled one is out
        ShopLog log = new ShopLog(7501);
        List<String> tags = ShopLog.tags("7501", 4_000);
        int published = 0;
        while (hub.droppedCount() == 0 && published < MAX_EVENTS) {
          int from = log.events().size();
          log.randomWalk(tags, workers, 40);
          kafka.publish(log.events().subList(from, log.events().size()));
          published = log.events().size();
          int expected = published;
          await().atMost(WAIT).until(() -> reader.updateIds().size() == expected);
        }

        assertThat(hub.droppedCount()).as("dropped after %d events", published).isEqualTo(1);
        StalledSocket.Drained drained = stalled.drain();
        assertThat(drained.dropped()).isTrue();
        List<String> all = reader.updateIds();
        assertThat(drained.updateIds()).isEqualTo(all.subList(0, drained.updateIds().size()));
        System.out.printf(
            "SSE slow client: dropped after %d events, having received %d%n",
            published, drained.updateIds().size());

        try (SseClient resumed = new SseClient(httpClient, port, drained.updateIds().getLast())) {
          int missed = all.size() - drained.updateIds().size();
          await().atMost(WAIT).until(() -> resumed.updateIds().size() == missed);
          assertThat(resumed.updateIds())
              .isEqualTo(all.subList(drained.updateIds().size(), all.size()));
          assertThat(reader.named("dropped")).isEmpty();
        }
      }
    }
  }
}
