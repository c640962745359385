package cl.zeues.occupation.views.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.testing.ShopLog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Each read route's shape against domain-facts 6.3/6.4 (names, nesting, types), over a small shop
 * published to the log and the catalogs: JP(94) and MR(93) at work, one inactive worker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadEndpointsIT {

  static final Duration WAIT = Duration.ofSeconds(90);
  static final String PREFIX = "MK-7301-";

  static final WorkerCatalogEntry JUAN_ENTRY =
      new WorkerCatalogEntry(94, "Juan Andrés", "Perez Soto", true, List.of("Armador", "Ayudante"));
  static final WorkerCatalogEntry MARIA_ENTRY =
      new WorkerCatalogEntry(93, "Maria", "Rojas", true, List.of("Soldador"));
  static final WorkerCatalogEntry GONE_ENTRY =
      new WorkerCatalogEntry(95, "Pedro", "Ida", false, List.of("Armador"));
  static final Worker JUAN = JUAN_ENTRY.worker();
  static final Worker MARIA = MARIA_ENTRY.worker();

  static final String FREE = PREFIX + "CW-00001-001";
  static final String NO_MAT = PREFIX + "CW-00001-002";
  static final String HELD = PREFIX + "CW-00001-003";
  static final String PAUSED = PREFIX + "CW-00001-004";
  static final String ARM_DONE = PREFIX + "CW-00001-005";
  static final String SOLD_HELD = PREFIX + "CW-00001-006";
  static final String DONE = PREFIX + "CW-00001-007";

  final SharedBroker kafka = SharedBroker.get();

  /** Four hours ago: every occupation below is within its 12 h lease now. */
  static final Instant T0 =
      Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(4));

  final ShopLog log = new ShopLog(7301, T0);
  ConfigurableApplicationContext app;
  Http http;

  @BeforeAll
  void aSmallShop() {
    log.tomar(HELD, JUAN, Operacion.ARM);
    log.advance(Duration.ofMinutes(10)).tomar(PAUSED, JUAN, Operacion.ARM);
    log.advance(Duration.ofMinutes(135)).pausar(PAUSED, JUAN);
    log.advance(Duration.ofMinutes(1)).tomar(ARM_DONE, MARIA, Operacion.ARM);
    log.advance(Duration.ofMinutes(30)).completar(ARM_DONE, MARIA);
    log.advance(Duration.ofMinutes(1)).tomar(DONE, MARIA, Operacion.ARM);
    log.advance(Duration.ofMinutes(1)).completar(DONE, MARIA);
    log.advance(Duration.ofMinutes(1)).tomar(DONE, MARIA, Operacion.SOLD);
    log.advance(Duration.ofMinutes(1)).completar(DONE, MARIA);
    log.advance(Duration.ofMinutes(1)).tomar(SOLD_HELD, JUAN, Operacion.ARM);
    log.advance(Duration.ofMinutes(1)).pausar(SOLD_HELD, JUAN);
    log.advance(Duration.ofMinutes(1)).tomar(SOLD_HELD, MARIA, Operacion.SOLD);
    var spools =
        List.of(FREE, HELD, PAUSED, ARM_DONE, SOLD_HELD, DONE).stream()
            .map(tag -> new SpoolCatalogEntry(tag, ShopLog.MATERIALES))
            .collect(Collectors.toList());
    spools.add(new SpoolCatalogEntry(NO_MAT, null));
    kafka.publishSpools(spools);
    kafka.publishWorkers(List.of(JUAN_ENTRY, MARIA_ENTRY, GONE_ENTRY));
    kafka.publish(log.events());

    app = ViewsTestApplication.start(kafka.brokers());
    http = new Http(ViewsTestApplication.port(app));
    await().atMost(WAIT).until(() -> http.get("/actuator/health/readiness").status() == 200);
    OccupationViews views = app.getBean(OccupationViews.class);
    await().atMost(WAIT).until(() -> views.versionOf(SOLD_HELD) == 3);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  static List<JsonNode> ours(JsonNode array) {
    return array
        .valueStream()
        .filter(n -> n.get("tag_spool").asString().startsWith(PREFIX))
        .toList();
  }

  static List<String> tags(List<JsonNode> nodes) {
    return nodes.stream().map(n -> n.get("tag_spool").asString()).toList();
  }

  static void assertProblem(Http.Answer answer, int status, String code) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.body().get("status").asInt()).isEqualTo(status);
    assertThat(answer.body().get("code").asString()).isEqualTo(code);
    assertThat(answer.body().get("detail").asString()).isNotBlank();
  }

  @Test
  void workersListsTheActiveOnesWithTheirRolesAndToken() {
    Http.Answer answer = http.get("/api/workers");

    JsonNode body = answer.body();
    assertThat(body.get("total").asInt()).isEqualTo(body.get("workers").size());
    JsonNode juan =
        body.get("workers")
            .valueStream()
            .filter(w -> w.get("id").asInt() == 94)
            .findFirst()
            .orElseThrow();
    assertThat(juan.get("nombre").asString()).isEqualTo("Juan Andrés");
    assertThat(juan.get("apellido").asString()).isEqualTo("Perez Soto");
    assertThat(juan.get("nombre_completo").asString()).isEqualTo("JP(94)");
    assertThat(juan.get("roles").valueStream().map(JsonNode::asString))
        .containsExactly("Armador", "Ayudante");
    assertThat(juan.get("activo").asBoolean()).isTrue();
    assertThat(body.get("workers").valueStream().map(w -> w.get("id").asInt()))
        .contains(93)
        .doesNotContain(95);
  }

  @Test
  void iniciarListsWhatEachOperationCanStartNowWithTheFilterApplied() {
    JsonNode arm = http.get("/api/spools/iniciar?operacion=ARM").body();
    JsonNode sold = http.get("/api/spools/iniciar?operacion=sold").body();

    assertThat(tags(ours(arm.get("spools")))).containsExactly(FREE, PAUSED);
    assertThat(tags(ours(sold.get("spools")))).containsExactly(PAUSED, ARM_DONE);
    assertThat(arm.get("total").asInt()).isEqualTo(arm.get("spools").size());
    assertThat(arm.get("filtro_aplicado").asString()).startsWith("ARM:");
    JsonNode paused = ours(arm.get("spools")).get(1);
    assertThat(paused.get("fecha_materiales").asString()).isEqualTo("2026-10-01");
    assertThat(paused.get("estado_arm").asString()).isEqualTo("PAUSADO");
    assertThat(paused.get("armador").asString()).isEqualTo("JP(94)");
    assertThat(paused.get("estado_sold").asString()).isEqualTo("PENDIENTE");
    assertThat(paused.get("version").asLong()).isEqualTo(2);
    assertThat(paused.has("ocupado_por")).isFalse();
  }

  @Test
  void metrologiaAndReparacionListOnlyWhatTheDomainWouldAcceptAndSayTheRule() {
    JsonNode metrologia = http.get("/api/spools/iniciar?operacion=METROLOGIA").body();
    assertThat(metrologia.get("total").asInt()).isEqualTo(1);
    assertThat(metrologia.get("spools").get(0).get("tag_spool").asString()).isEqualTo(DONE);
    assertThat(metrologia.get("filtro_aplicado").asString()).startsWith("METROLOGIA:");
    // Nothing was rejected by metrology in this shop, so no repair can start.
    for (String path :
        List.of("/api/spools/iniciar?operacion=REPARACION", "/api/spools/reparacion")) {
      JsonNode body = http.get(path).body();
      assertThat(body.get("spools").size()).as(path).isZero();
      assertThat(body.get("total").asInt()).as(path).isZero();
      assertThat(body.get("filtro_aplicado").asString()).as(path).startsWith("REPARACION:");
    }
  }

  @Test
  void ocupadosListsWhatAWorkerHoldsOptionallyForOneOperation() {
    JsonNode juan = http.get("/api/spools/ocupados?worker_id=94").body();
    JsonNode mariaSold = http.get("/api/spools/ocupados?worker_id=93&operacion=SOLD").body();
    JsonNode mariaArm = http.get("/api/spools/ocupados?worker_id=93&operacion=ARM").body();

    assertThat(tags(ours(juan.get("spools")))).containsExactly(HELD);
    JsonNode held = ours(juan.get("spools")).getFirst();
    assertThat(held.get("ocupado_por").asString()).isEqualTo("JP(94)");
    assertThat(held.get("operacion").asString()).isEqualTo("ARM");
    assertThat(held.get("fecha_ocupacion").asString()).isEqualTo(T0.toString());
    assertThat(tags(ours(mariaSold.get("spools")))).containsExactly(SOLD_HELD);
    assertThat(ours(mariaArm.get("spools"))).isEmpty();
  }

  @Test
  void batchStatusAnswersEachSpoolAndListsUnknownTagsAsErrors() {
    Http.Answer answer =
        http.post(
            "/api/spools/batch-status",
            "{\"tags\":[\"" + SOLD_HELD + "\",\"NO-SUCH-1\",\"" + FREE + "\"]}");

    JsonNode body = answer.body();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(tags(List.copyOf(body.get("spools").values()))).containsExactly(SOLD_HELD, FREE);
    assertThat(body.get("total").asInt()).isEqualTo(2);
    JsonNode error = body.get("errors").get(0);
    assertThat(error.get("tag_spool").asString()).isEqualTo("NO-SUCH-1");
    assertThat(error.get("error_code").asString()).isEqualTo("SPOOL_NO_ENCONTRADO");
    assertThat(error.get("message").asString()).contains("NO-SUCH-1");
    JsonNode held = body.get("spools").get(0);
    assertThat(held.get("ocupado").asBoolean()).isTrue();
    assertThat(held.get("ocupado_por").asString()).isEqualTo("MR(93)");
    assertThat(held.get("ocupado_por_display").asString()).isEqualTo("Maria Rojas");
    assertThat(held.get("worker_id").asInt()).isEqualTo(93);
    assertThat(held.get("operacion").asString()).isEqualTo("SOLD");
    assertThat(held.get("estado_detalle").asString())
        .isEqualTo("MR(93) trabajando SOLD (ARM pausado, SOLD en progreso)");
    assertThat(held.get("armador").asString()).isEqualTo("JP(94)");
    assertThat(held.get("soldador").asString()).isEqualTo("MR(93)");
    assertThat(held.get("version").asLong()).isEqualTo(3);
    assertThat(held.get("last_event_at").asString())
        .isEqualTo(held.get("fecha_ocupacion").asString());
    assertThat(held.get("estado_trabajo").asString()).isEqualTo("EN_PROGRESO");
    assertThat(held.get("operacion_actual").asString()).isEqualTo("SOLD");
    assertThat(held.get("ciclo_rep").isNull()).isTrue();
    assertThat(held.get("estado_metrologia").asString()).isEqualTo("PENDIENTE");
    assertThat(held.get("fecha_qc_metrologia").isNull()).isTrue();
    assertThat(held.get("estado_reparacion").asString()).isEqualTo("PENDIENTE");
    JsonNode free = body.get("spools").get(1);
    assertThat(free.get("ocupado").asBoolean()).isFalse();
    assertThat(free.get("ocupado_por").isNull()).isTrue();
    assertThat(free.get("version").asLong()).isZero();
    assertThat(free.get("estado_detalle").asString())
        .isEqualTo("Disponible - ARM pendiente, SOLD pendiente");
    assertThat(free.get("estado_trabajo").asString()).isEqualTo("LIBRE");
    assertThat(free.get("operacion_actual").isNull()).isTrue();
  }

  @Test
  void batchStatusRefusesAnEmptyOrOversizedOrMalformedRequest() {
    String tooMany =
        IntStream.range(0, 101)
            .mapToObj(i -> "\"T-" + i + "\"")
            .collect(Collectors.joining(",", "{\"tags\":[", "]}"));

    assertProblem(http.post("/api/spools/batch-status", tooMany), 400, "SOLICITUD_INVALIDA");
    assertProblem(
        http.post("/api/spools/batch-status", "{\"tags\":[]}"), 400, "SOLICITUD_INVALIDA");
    assertProblem(
        http.post("/api/spools/batch-status", "{\"tags\":[\"=HYPERLINK()\"]}"),
        400,
        "SOLICITUD_INVALIDA");
    assertProblem(http.post("/api/spools/batch-status", "{\"tags\":"), 400, "JSON_INVALIDO");
  }

  @Test
  void theDashboardListsWhoHoldsWhatNewestFirst() {
    Http.Answer answer = http.get("/api/dashboard/occupied");

    assertThat(answer.body().isArray()).isTrue();
    List<JsonNode> ours = ours(answer.body());
    assertThat(tags(ours)).containsExactly(SOLD_HELD, HELD);
    JsonNode newest = ours.getFirst();
    assertThat(newest.get("worker_nombre").asString()).isEqualTo("MR(93)");
    assertThat(newest.get("worker_id").asInt()).isEqualTo(93);
    assertThat(newest.get("operacion").asString()).isEqualTo("SOLD");
    assertThat(newest.get("estado_detalle").asString()).startsWith("MR(93) trabajando SOLD");
    assertThat(newest.get("fecha_ocupacion").asString()).isNotBlank();
  }

  @Test
  void historyListsSessionsWithWorkerOperationTimesEndingAndDuration() {
    JsonNode paused = http.get("/api/history/" + PAUSED).body();
    JsonNode soldHeld = http.get("/api/history/" + SOLD_HELD).body();

    assertThat(paused.get("tag_spool").asString()).isEqualTo(PAUSED);
    JsonNode session = paused.get("sessions").get(0);
    assertThat(session.get("worker_nombre").asString()).isEqualTo("JP(94)");
    assertThat(session.get("worker_id").asInt()).isEqualTo(94);
    assertThat(session.get("operacion").asString()).isEqualTo("ARM");
    assertThat(session.get("ended_by").asString()).isEqualTo("PAUSAR");
    assertThat(session.get("duration").asString()).isEqualTo("2h 15m");
    assertThat(session.get("duration_seconds").asLong()).isEqualTo(8_100);
    assertThat(session.get("start_time").asString()).isNotBlank();
    assertThat(session.get("end_time").asString()).isNotBlank();
    JsonNode open = soldHeld.get("sessions").get(1);
    assertThat(open.get("worker_nombre").asString()).isEqualTo("MR(93)");
    assertThat(open.get("end_time").isNull()).isTrue();
    assertThat(open.get("ended_by").isNull()).isTrue();
    assertThat(open.get("duration").isNull()).isTrue();
    assertProblem(http.get("/api/history/NO-SUCH-1"), 404, "SPOOL_NO_ENCONTRADO");
  }

  @Test
  void statusAnswers404ForATagNotInTheCatalogAndTheSpoolOtherwise() {
    Http.Answer unknown = http.get("/api/occupation/status/NO-SUCH-1");
    Http.Answer free = http.get("/api/occupation/status/" + FREE);
    Http.Answer held = http.get("/api/occupation/status/" + HELD);

    assertProblem(unknown, 404, "SPOOL_NO_ENCONTRADO");
    assertThat(free.status()).isEqualTo(200);
    assertThat(free.body().get("ocupado").asBoolean()).isFalse();
    assertThat(free.body().get("version").asLong()).isZero();
    assertThat(free.body().get("fecha_materiales").asString()).isEqualTo("2026-10-01");
    assertThat(held.body().get("tag_spool").asString()).isEqualTo(HELD);
    assertThat(held.body().get("ocupado_por").asString()).isEqualTo("JP(94)");
    assertThat(held.body().get("fecha_ocupacion").asString()).isEqualTo(T0.toString());
    assertThat(held.body().get("estado_arm").asString()).isEqualTo("EN_PROGRESO");
  }

  @Test
  void badInputsAreProblemsNamingTheField() {
    Http.Answer noOperacion = http.get("/api/spools/iniciar");
    Http.Answer badOperacion = http.get("/api/spools/iniciar?operacion=PINTURA");
    Http.Answer badWorker = http.get("/api/spools/ocupados?worker_id=abc");
    Http.Answer badTag = http.get("/api/occupation/status/%3DHYPERLINK");

    for (Http.Answer answer : List.of(noOperacion, badOperacion, badWorker, badTag)) {
      assertProblem(answer, 400, "SOLICITUD_INVALIDA");
    }
    assertThat(noOperacion.body().get("errors").get(0).get("field").asString())
        .isEqualTo("operacion");
    assertThat(badWorker.body().get("errors").get(0).get("field").asString())
        .isEqualTo("worker_id");
    assertThat(badTag.body().get("errors").get(0).get("field").asString()).isEqualTo("tag_spool");
  }
}
