package cl.zeues.occupation.views.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.kafka.EventFeed;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.model.Session;
import cl.zeues.occupation.views.model.SpoolView;
import cl.zeues.occupation.views.testing.ShopLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The view rebuilt on start from a log written before the app existed: every spool equals the
 * domain's own replay of its events, the sessions mirror the log, a record that is not an event is
 * skipped, and after the rebuild the view follows the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelRebuildIT {

  static final Duration WAIT = Duration.ofSeconds(90);

  final SharedBroker kafka = SharedBroker.get();
  final List<String> tags = ShopLog.tags("7101", 400);
  final List<Worker> workers =
      ShopLog.workers(30).stream().map(WorkerCatalogEntry::worker).toList();
  final ShopLog log = new ShopLog(7101);
  ConfigurableApplicationContext app;
  Http http;

  @BeforeAll
  void aLogWrittenBeforeTheAppStarts() {
    log.randomWalk(tags, workers, 3_000);
    kafka.publishSpools(ShopLog.catalog(tags).values());
    kafka.publishWorkers(ShopLog.workers(30));
    kafka.publish(log.events().subList(0, 1_500));
    kafka.publishGarbage(tags.getFirst());
    kafka.publish(log.events().subList(1_500, log.events().size()));

    app = ViewsTestApplication.start(kafka.brokers());
    http = new Http(ViewsTestApplication.port(app));
    await().atMost(WAIT).until(() -> http.get("/actuator/health/readiness").status() == 200);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  List<OccupationEvent> eventsOf(String tag) {
    return log.events().stream().filter(e -> e.tagSpool().equals(tag)).toList();
  }

  @Test
  void everySpoolIsRebuiltToTheStateTheDomainReplaysFromItsEvents() {
    OccupationViews views = app.getBean(OccupationViews.class);
    for (String tag : tags) {
      SpoolState replayed = SpoolState.replay(tag, eventsOf(tag));
      SpoolView view = views.spool(tag).orElse(SpoolView.untouched(tag));
      assertThat(view.state()).as(tag).isEqualTo(replayed);
      assertThat(view.sessions())
          .as(tag)
          .hasSize(
              (int)
                  eventsOf(tag).stream()
                      .filter(OccupationEvent.SpoolTomado.class::isInstance)
                      .count());
      if (!eventsOf(tag).isEmpty()) {
        assertThat(view.lastEventAt()).isEqualTo(eventsOf(tag).getLast().occurredAt());
      }
    }
    EventFeed feed = app.getBean(EventFeed.class);
    assertThat(feed.rebuildEvents()).isGreaterThanOrEqualTo(log.events().size() + 1L);
    assertThat(feed.malformedCount()).isEqualTo(1);
  }

  @Test
  void theRebuiltViewAnswersOverHttpAsTheLogSays() {
    String tag =
        tags.stream().filter(t -> log.state(t).occupation() != null).findFirst().orElseThrow();
    SpoolState expected = log.state(tag);

    Http.Answer status = http.get("/api/occupation/status/" + tag);
    Http.Answer history = http.get("/api/history/" + tag);

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body().get("version").asLong()).isEqualTo(expected.version());
    assertThat(status.body().get("ocupado_por").asString())
        .isEqualTo(expected.occupation().worker().token());
    List<Session> sessions = app.getBean(OccupationViews.class).spool(tag).orElseThrow().sessions();
    assertThat(history.body().get("sessions").size()).isEqualTo(sessions.size());
    assertThat(history.body().get("sessions").get(sessions.size() - 1).get("end_time").isNull())
        .isTrue();
  }

  @Test
  void readinessAndMetricsReportTheRebuild() {
    JsonNode readiness = http.get("/actuator/health/readiness").body();
    JsonNode views = readiness.get("components").get("occupationViews");
    Http.Answer malformed =
        http.get("/actuator/metrics/zeues.views.events.skipped?tag=reason:MALFORMED");
    Http.Answer applied = http.get("/actuator/metrics/zeues.views.events.applied");

    assertThat(views.get("status").asString()).isEqualTo("UP");
    assertThat(views.get("details").get("rebuildEvents").asLong())
        .isGreaterThanOrEqualTo(log.events().size() + 1L);
    assertThat(views.get("details").get("catalogSpools").asInt()).isGreaterThanOrEqualTo(400);
    assertThat(malformed.body().get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
    assertThat(applied.body().get("measurements").get(0).get("value").asDouble())
        .isGreaterThanOrEqualTo(log.events().size());
  }

  @Test
  void afterTheRebuildTheViewFollowsTheLog() {
    List<String> fresh = ShopLog.tags("7102", 20);
    ShopLog more = new ShopLog(7102, log.now());
    more.randomWalk(fresh, workers, 60);
    kafka.publishSpools(ShopLog.catalog(fresh).values());

    kafka.publish(more.events());

    OccupationViews views = app.getBean(OccupationViews.class);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (String tag : fresh) {
                assertThat(views.versionOf(tag)).as(tag).isEqualTo(more.state(tag).version());
              }
            });
  }
}
