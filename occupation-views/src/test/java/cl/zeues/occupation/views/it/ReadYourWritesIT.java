package cl.zeues.occupation.views.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.testing.ShopLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * After the API answered a command with a 200 carrying version n ({@link OccupationViews#answered},
 * as the command-api calls it), the next read of that spool shows version n: the read waits for the
 * view (up to {@code zeues.views.read-your-writes-wait}), and if the view does not get there in
 * time it answers with what it has and says so ({@code X-View-Stale: true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadYourWritesIT {

  static final Duration WAIT = Duration.ofSeconds(90);
  static final Worker JUAN = Worker.of(94, "Juan Perez");

  final SharedBroker kafka = SharedBroker.get();
  final List<String> tags = ShopLog.tags("7201", 8);
  final ShopLog log = new ShopLog(7201);
  ConfigurableApplicationContext app;
  OccupationViews views;
  Http http;

  @BeforeAll
  void start() {
    kafka.publishSpools(ShopLog.catalog(tags).values());
    app = ViewsTestApplication.start(kafka.brokers(), "zeues.views.read-your-writes-wait=3s");
    views = app.getBean(OccupationViews.class);
    http = new Http(ViewsTestApplication.port(app));
    await().atMost(WAIT).until(() -> http.get("/actuator/health/readiness").status() == 200);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  /** The event reaches the log a moment after the 200, as a slow broker round trip would. */
  void publishShortlyAfter(List<OccupationEvent> events) {
    CompletableFuture.runAsync(
        () -> kafka.publish(events), CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS));
  }

  @Test
  void theStatusReadAfterA200ShowsTheVersionTheReplyCarried() {
    String tag = tags.get(0);
    List<OccupationEvent> taken = log.tomar(tag, JUAN, Operacion.ARM);
    views.answered(tag, taken.getLast().version());
    publishShortlyAfter(taken);

    Http.Answer status = http.get("/api/occupation/status/" + tag);

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body().get("version").asLong()).isEqualTo(1);
    assertThat(status.body().get("ocupado_por").asString()).isEqualTo("JP(94)");
    assertThat(status.header("X-View-Stale")).isEmpty();
  }

  @Test
  void theWorkersListOfHeldSpoolsAfterA200IncludesTheSpoolJustTaken() {
    String tag = tags.get(1);
    List<OccupationEvent> taken = log.tomar(tag, JUAN, Operacion.ARM);
    views.answered(tag, taken.getLast().version());
    publishShortlyAfter(taken);

    Http.Answer held = http.get("/api/spools/ocupados?worker_id=94");

    assertThat(held.body().get("spools").valueStream().map(s -> s.get("tag_spool").asString()))
        .contains(tag);
    assertThat(held.header("X-View-Stale")).isEmpty();
  }

  @Test
  void aPauseAnsweredThenReadShowsTheSpoolFreeInHistoryAndBatch() {
    String tag = tags.get(2);
    kafka.publish(log.tomar(tag, JUAN, Operacion.ARM));
    await().atMost(WAIT).until(() -> views.versionOf(tag) == 1);
    List<OccupationEvent> paused = log.pausar(tag, JUAN);
    views.answered(tag, paused.getLast().version());
    publishShortlyAfter(paused);

    Http.Answer batch = http.post("/api/spools/batch-status", "{\"tags\":[\"" + tag + "\"]}");
    Http.Answer history = http.get("/api/history/" + tag);

    assertThat(batch.body().get("spools").get(0).get("ocupado").asBoolean()).isFalse();
    assertThat(batch.body().get("spools").get(0).get("version").asLong()).isEqualTo(2);
    assertThat(history.body().get("sessions").get(0).get("ended_by").asString())
        .isEqualTo("PAUSAR");
  }

  @Test
  void whenTheViewDoesNotGetThereInTimeTheReadSaysItIsStale() {
    String tag = tags.get(3);
    views.answered(tag, 5); // a version this spool's log never reaches

    long started = System.nanoTime();
    Http.Answer status = http.get("/api/occupation/status/" + tag);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body().get("version").asLong()).isZero();
    assertThat(status.header("X-View-Stale")).isEqualTo("true");
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(3));

    // the log catches up with the version answered, so other tests' list reads do not wait for it
    kafka.publish(log.tomar(tag, JUAN, Operacion.ARM));
    kafka.publish(log.pausar(tag, JUAN));
    kafka.publish(log.tomar(tag, JUAN, Operacion.ARM));
    kafka.publish(log.pausar(tag, JUAN));
    kafka.publish(log.tomar(tag, JUAN, Operacion.ARM));
    await().atMost(WAIT).until(() -> views.awaitAllAnswered(Duration.ZERO));
  }
}
