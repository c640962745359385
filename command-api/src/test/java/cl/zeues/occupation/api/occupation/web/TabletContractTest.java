package cl.zeues.occupation.api.occupation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The tablets' contract: each request body below is written as the shop's clients write it
 * (domain-facts §6.3, and §6.4 for the optional {@code worker_nombre}), with the tablets' worker
 * token {@code MR(93)}, older clients' display names and the shop's tags, and must get the status
 * those sections document. Routes, validation, worker resolution and problem mapping are the API's
 * own ({@link StandaloneOccupationMvc}); the decision is the processor's {@code OccupationDecider},
 * in memory ({@link DecidingCommandBus}). Each case starts from spools never touched.
 */
class TabletContractTest {

  private static final LocalDate MATERIALES = LocalDate.parse("2026-10-01");

  private static final DecidingCommandBus BUS =
      new DecidingCommandBus(
          List.of(
              new SpoolCatalogEntry("MK-1335-CW-25238-011", MATERIALES),
              new SpoolCatalogEntry("TEST-01", MATERIALES),
              new SpoolCatalogEntry("TEST-02", MATERIALES),
              new SpoolCatalogEntry("TEST-RACE-001", null)));

  private static final StandaloneOccupationMvc<DecidingCommandBus> APP =
      StandaloneOccupationMvc.start(Map.of("zeues.api.admin-token", "s3cret"), BUS);

  /** Mario Rojas, 93, as {@code Trabajadores} names him ({@link FakeWorkerDirectory}). */
  private static final Worker MR93 = new Worker(93, "Mario Rojas", "MR(93)");

  private static final String TOMAR = "/api/occupation/tomar";
  private static final String PAUSAR = "/api/occupation/pausar";
  private static final String COMPLETAR = "/api/occupation/completar";
  private static final String CANCELAR = "/api/occupation/cancelar";
  private static final String BATCH = "/api/occupation/batch-tomar";
  private static final String RELEASE = "/api/admin/occupation/MK-1335-CW-25238-011/release";
  private static final String METROLOGIA = "/api/metrologia/completar";
  private static final String TOMAR_REPARACION = "/api/tomar-reparacion";
  private static final String PAUSAR_REPARACION = "/api/pausar-reparacion";
  private static final String COMPLETAR_REPARACION = "/api/completar-reparacion";
  private static final String CANCELAR_REPARACION = "/api/cancelar-reparacion";
  private static final String DESBLOQUEAR = "/api/admin/spools/MK-1335-CW-25238-011/desbloquear";

  /** The inspector MR(93) records a result (§6.3 {@code {tag_spool, worker_id, resultado}}). */
  private static final String MR93_APRUEBA =
      """
      {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","resultado":"APROBADO"}""";

  private static final String MR93_RECHAZA =
      """
      {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","resultado":"RECHAZADO"}""";

  /** A v3 repair alias body: {@code {worker_id, tag_spool}}, nothing else. */
  private static final String MR93_REPARA =
      """
      {"worker_id":93,"tag_spool":"MK-1335-CW-25238-011"}""";

  /** The tablet takes the spool as MR(93): the given of every occupant case. */
  private static final String MR93_TOMA =
      """
      {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","operacion":"ARM"}""";

  private final MockMvc mvc = APP.mvc();

  @BeforeEach
  void untouchedSpools() {
    BUS.reset();
  }

  /** One request and the answer the contract documents: 200, or a problem with its code. */
  record Exchange(String route, String body, int status, @Nullable String code) {}

  record Case(String name, List<Exchange> given, Exchange when) {
    @Override
    public String toString() {
      return name + ": " + when.body() + " -> " + when.status() + " " + when.code();
    }
  }

  static Exchange ok(String route, String body) {
    return new Exchange(route, body, 200, null);
  }

  static Exchange problem(String route, String body, int status, String code) {
    return new Exchange(route, body, status, code);
  }

  static Case accepted(String name, String route, String body, Exchange... given) {
    return new Case(name, Arrays.asList(given), ok(route, body));
  }

  static Case refused(String name, Exchange when, Exchange... given) {
    return new Case(name, Arrays.asList(given), when);
  }

  /** ARM and SOLD taken and completed by MR(93): the spool waits for metrology. */
  static Exchange[] welded() {
    String mr93 =
        """
        {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)"}""";
    return new Exchange[] {
      ok(TOMAR, MR93_TOMA),
      ok(COMPLETAR, mr93),
      ok(TOMAR, MR93_TOMA.replace("\"ARM\"", "\"SOLD\"")),
      ok(COMPLETAR, mr93)
    };
  }

  /** Welded and rejected {@code times} times in a row, repaired between rejections. */
  static Exchange[] rejected(int times) {
    List<Exchange> given = new ArrayList<>(Arrays.asList(welded()));
    given.add(ok(METROLOGIA, MR93_RECHAZA));
    for (int i = 1; i < times; i++) {
      given.add(ok(TOMAR_REPARACION, MR93_REPARA));
      given.add(ok(COMPLETAR_REPARACION, MR93_REPARA));
      given.add(ok(METROLOGIA, MR93_RECHAZA));
    }
    return given.toArray(Exchange[]::new);
  }

  static Exchange[] plus(Exchange[] given, Exchange... more) {
    List<Exchange> all = new ArrayList<>(Arrays.asList(given));
    all.addAll(Arrays.asList(more));
    return all.toArray(Exchange[]::new);
  }

  static List<Case> contract() {
    List<Case> cases = new ArrayList<>(occupationContract());
    cases.addAll(qualityContract());
    return cases;
  }

  /** §6.3's metrology and repair routes, §6.3/§6.4's occupation routes with REPARACION. */
  static List<Case> qualityContract() {
    Exchange reparaToma = ok(TOMAR_REPARACION, MR93_REPARA);
    return List.of(
        accepted("METROLOGIA APROBADO (v3 route)", METROLOGIA, MR93_APRUEBA, welded()),
        accepted("METROLOGIA RECHAZADO (v3 route)", METROLOGIA, MR93_RECHAZA, welded()),
        accepted(
            "METROLOGIA without worker_nombre (§6.3 {tag_spool, worker_id, resultado})",
            METROLOGIA,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"resultado":"APROBADO"}""",
            welded()),
        accepted(
            "COMPLETAR with operacion METROLOGIA and resultado",
            COMPLETAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","operacion":"METROLOGIA","resultado":"APROBADO"}""",
            welded()),
        refused(
            "METROLOGIA by a worker without the Metrologia role",
            problem(
                METROLOGIA,
                """
                {"tag_spool":"MK-1335-CW-25238-011","worker_id":94,"worker_nombre":"JP(94)","resultado":"APROBADO"}""",
                403,
                "ROL_NO_AUTORIZADO"),
            welded()),
        refused(
            "METROLOGIA before SOLD is completed",
            problem(METROLOGIA, MR93_APRUEBA, 400, "DEPENDENCIAS_NO_SATISFECHAS"),
            Arrays.copyOf(welded(), 2)),
        refused(
            "METROLOGIA of an approved spool",
            problem(METROLOGIA, MR93_RECHAZA, 400, "OPERACION_YA_COMPLETADA"),
            plus(welded(), ok(METROLOGIA, MR93_APRUEBA))),
        refused(
            "METROLOGIA of a spool being repaired",
            problem(METROLOGIA, MR93_APRUEBA, 409, "SPOOL_OCCUPIED"),
            plus(rejected(1), reparaToma)),
        refused(
            "METROLOGIA of a spool not in Operaciones",
            problem(
                METROLOGIA,
                """
                {"tag_spool":"MK-9999-TW-00000-001","worker_id":93,"worker_nombre":"MR(93)","resultado":"APROBADO"}""",
                404,
                "SPOOL_NO_ENCONTRADO")),
        accepted("tomar-reparacion (v3 alias)", TOMAR_REPARACION, MR93_REPARA, rejected(1)),
        accepted(
            "pausar-reparacion (v3 alias)",
            PAUSAR_REPARACION,
            MR93_REPARA,
            plus(rejected(1), reparaToma)),
        accepted(
            "completar-reparacion (v3 alias)",
            COMPLETAR_REPARACION,
            MR93_REPARA,
            plus(rejected(1), reparaToma)),
        accepted(
            "cancelar-reparacion (v3 alias)",
            CANCELAR_REPARACION,
            MR93_REPARA,
            plus(rejected(1), reparaToma)),
        accepted(
            "TOMAR with operacion REPARACION",
            TOMAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","operacion":"REPARACION"}""",
            rejected(1)),
        accepted(
            "COMPLETAR with operacion REPARACION",
            COMPLETAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","operacion":"REPARACION"}""",
            plus(rejected(1), reparaToma)),
        refused(
            "completar-reparacion by someone else",
            problem(
                COMPLETAR_REPARACION,
                """
                {"worker_id":94,"tag_spool":"MK-1335-CW-25238-011"}""",
                403,
                "NO_AUTORIZADO"),
            plus(rejected(1), reparaToma)),
        refused(
            "tomar-reparacion of a repair someone holds",
            problem(
                TOMAR_REPARACION,
                """
                {"worker_id":94,"tag_spool":"MK-1335-CW-25238-011"}""",
                409,
                "SPOOL_OCCUPIED"),
            plus(rejected(1), reparaToma)),
        refused(
            "tomar-reparacion of a BLOQUEADO spool",
            problem(TOMAR_REPARACION, MR93_REPARA, 403, "SPOOL_BLOQUEADO"),
            rejected(3)),
        refused(
            "METROLOGIA of a BLOQUEADO spool",
            problem(METROLOGIA, MR93_APRUEBA, 403, "SPOOL_BLOQUEADO"),
            rejected(3)),
        accepted(
            "desbloquear a BLOQUEADO spool (admin)",
            DESBLOQUEAR,
            "{\"motivo\":\"revisado con calidad\"}",
            rejected(3)),
        accepted(
            "METROLOGIA after the unblock",
            METROLOGIA,
            MR93_APRUEBA,
            plus(rejected(3), ok(DESBLOQUEAR, "{\"motivo\":\"revisado con calidad\"}"))),
        refused(
            "desbloquear a spool that is not blocked",
            problem(DESBLOQUEAR, "{\"motivo\":\"revisado\"}", 409, "SPOOL_NO_BLOQUEADO"),
            rejected(2)));
  }

  /** §6.3/§6.4's occupation routes for ARM and SOLD. */
  static List<Case> occupationContract() {
    Exchange mr93Toma = ok(TOMAR, MR93_TOMA);
    return List.of(
        accepted("TOMAR with the tablet's token", TOMAR, MR93_TOMA),
        accepted(
            "TOMAR a test tag",
            TOMAR,
            """
            {"tag_spool":"TEST-02","worker_id":93,"worker_nombre":"MR(93)","operacion":"ARM"}"""),
        accepted(
            "TOMAR from an older client (display name)",
            TOMAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"Worker1","operacion":"ARM"}"""),
        accepted(
            "TOMAR from an older client (pre-seeded name)",
            TOMAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"PreWorker91","operacion":"ARM"}"""),
        accepted(
            "TOMAR with an accented name",
            TOMAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"José Ñúñez-Díaz","operacion":"ARM"}"""),
        accepted(
            "TOMAR with initials, apostrophe and id",
            TOMAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"J.P. O'Brien (12)","operacion":"ARM"}"""),
        accepted(
            "TOMAR without worker_nombre (v4 iniciar: worker_nombre?)",
            TOMAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"operacion":"ARM"}"""),
        accepted(
            "PAUSAR without operacion",
            PAUSAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)"}""",
            mr93Toma),
        accepted(
            "PAUSAR with operacion",
            PAUSAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","operacion":"ARM"}""",
            mr93Toma),
        accepted(
            "COMPLETAR with fecha_operacion YYYY-MM-DD",
            COMPLETAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","fecha_operacion":"2026-11-27","operacion":"ARM"}""",
            mr93Toma),
        accepted(
            "COMPLETAR with today's date by default",
            COMPLETAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)"}""",
            mr93Toma),
        accepted(
            "CANCELAR",
            CANCELAR,
            """
            {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","operacion":"ARM"}""",
            mr93Toma),
        accepted(
            "BATCH TOMAR",
            BATCH,
            """
            {"tag_spools":["TEST-01","TEST-02"],"worker_id":93,"worker_nombre":"MR(93)","operacion":"ARM"}"""),
        refused(
            "TOMAR an occupied spool",
            problem(
                TOMAR,
                """
                {"tag_spool":"MK-1335-CW-25238-011","worker_id":94,"worker_nombre":"JP(94)","operacion":"ARM"}""",
                409,
                "SPOOL_OCCUPIED"),
            mr93Toma),
        refused(
            "PAUSAR by someone else",
            problem(
                PAUSAR,
                """
                {"tag_spool":"MK-1335-CW-25238-011","worker_id":94,"worker_nombre":"JP(94)","operacion":"ARM"}""",
                403,
                "NO_AUTORIZADO"),
            mr93Toma),
        refused(
            "COMPLETAR after the occupation was released",
            problem(
                COMPLETAR,
                """
                {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","fecha_operacion":"2026-11-27","operacion":"ARM"}""",
                410,
                "LOCK_EXPIRED"),
            mr93Toma,
            ok(RELEASE, "{\"motivo\":\"turno terminado\"}")),
        refused(
            "TOMAR a spool not in Operaciones",
            problem(
                TOMAR,
                """
                {"tag_spool":"MK-9999-TW-00000-001","worker_id":93,"worker_nombre":"MR(93)","operacion":"ARM"}""",
                404,
                "SPOOL_NO_ENCONTRADO")),
        refused(
            "TOMAR by a worker not in Trabajadores",
            problem(
                TOMAR,
                """
                {"tag_spool":"MK-1335-CW-25238-011","worker_id":555,"worker_nombre":"XX(555)","operacion":"ARM"}""",
                404,
                "WORKER_NO_ENCONTRADO")),
        refused(
            "TOMAR a spool without Fecha_Materiales",
            problem(
                TOMAR,
                """
                {"tag_spool":"TEST-RACE-001","worker_id":93,"worker_nombre":"MR(93)","operacion":"ARM"}""",
                400,
                "DEPENDENCIAS_NO_SATISFECHAS")),
        refused(
            "TOMAR SOLD before ARM",
            problem(
                TOMAR,
                """
                {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","operacion":"SOLD"}""",
                400,
                "DEPENDENCIAS_NO_SATISFECHAS")),
        refused(
            "TOMAR METROLOGIA (an instant inspection: never taken)",
            problem(
                TOMAR,
                """
                {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","operacion":"METROLOGIA"}""",
                400,
                "OPERACION_NO_SOPORTADA")),
        refused(
            "TOMAR REPARACION of a spool metrology has not rejected",
            problem(
                TOMAR,
                """
                {"tag_spool":"MK-1335-CW-25238-011","worker_id":93,"worker_nombre":"MR(93)","operacion":"REPARACION"}""",
                400,
                "DEPENDENCIAS_NO_SATISFECHAS")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contract")
  void eachClientRequestGetsTheDocumentedAnswer(Case contract) throws Exception {
    for (Exchange given : contract.given()) {
      perform(given);
    }
    perform(contract.when());
  }

  static Stream<Arguments> workerNombres() {
    return Stream.of(
        Arguments.of("MR(93)"),
        Arguments.of("Worker1"),
        Arguments.of("PreWorker91"),
        Arguments.of("José Ñúñez-Díaz"),
        Arguments.of("J.P. O'Brien (12)"),
        Arguments.of("=HYPERLINK(A1)"),
        Arguments.of("+56912345678"),
        Arguments.of("@SUM(A1)"),
        Arguments.of("-1+1"),
        Arguments.of((Object) null));
  }

  @ParameterizedTest(name = "worker_nombre {0}")
  @MethodSource("workerNombres")
  void theWorkerWhoActsIsWhoWorkerIdNamesAndWorkerNombreIsNeverPublished(@Nullable String nombre)
      throws Exception {
    String body =
        "{\"tag_spool\":\"MK-1335-CW-25238-011\",\"worker_id\":93,"
            + (nombre == null ? "" : "\"worker_nombre\":\"" + nombre + "\",")
            + "\"operacion\":\"ARM\"}";

    perform(ok(TOMAR, body))
        .andExpect(jsonPath("$.message").value("Spool MK-1335-CW-25238-011 tomado por MR(93)"));

    assertThat(BUS.published)
        .singleElement()
        .isInstanceOfSatisfying(
            OccupationCommand.Tomar.class, t -> assertThat(t.worker()).isEqualTo(MR93));
    if (nombre != null && !nombre.equals(MR93.token())) {
      assertThat(new JsonCodec().writeString(BUS.published.getFirst())).doesNotContain(nombre);
    }
  }

  @Test
  void theQualityLoopsAnswersCarryEstadoDetalleAndCycle() throws Exception {
    for (Exchange given : welded()) {
      perform(given)
          .andExpect(jsonPath("$.estado_detalle").doesNotExist())
          .andExpect(jsonPath("$.cycle").doesNotExist())
          .andExpect(jsonPath("$.resultado").doesNotExist());
    }
    for (int cycle = 1; cycle <= 2; cycle++) {
      perform(ok(METROLOGIA, MR93_RECHAZA))
          .andExpect(jsonPath("$.tag_spool").value("MK-1335-CW-25238-011"))
          .andExpect(jsonPath("$.resultado").value("RECHAZADO"))
          .andExpect(
              jsonPath("$.estado_detalle")
                  .value("RECHAZADO (Ciclo " + cycle + "/3) - Pendiente reparación"))
          .andExpect(jsonPath("$.cycle").value(cycle))
          .andExpect(jsonPath("$.message").isNotEmpty())
          .andExpect(jsonPath("$.version").isNumber())
          .andExpect(jsonPath("$.command_id").isNotEmpty());
      perform(ok(TOMAR_REPARACION, MR93_REPARA))
          .andExpect(
              jsonPath("$.estado_detalle")
                  .value("EN_REPARACION (Ciclo " + cycle + "/3) - Ocupado: MR(93)"))
          .andExpect(jsonPath("$.cycle").value(cycle))
          .andExpect(jsonPath("$.resultado").doesNotExist());
      perform(ok(PAUSAR_REPARACION, MR93_REPARA))
          .andExpect(
              jsonPath("$.estado_detalle").value("REPARACION_PAUSADA (Ciclo " + cycle + "/3)"))
          .andExpect(jsonPath("$.cycle").value(cycle));
      perform(ok(TOMAR_REPARACION, MR93_REPARA));
      perform(ok(COMPLETAR_REPARACION, MR93_REPARA))
          .andExpect(jsonPath("$.estado_detalle").value("PENDIENTE_METROLOGIA"))
          .andExpect(jsonPath("$.cycle").value(cycle));
    }
    perform(ok(METROLOGIA, MR93_RECHAZA))
        .andExpect(jsonPath("$.estado_detalle").value("BLOQUEADO - Contactar supervisor"))
        .andExpect(jsonPath("$.cycle").value(3));
    perform(ok(DESBLOQUEAR, "{\"motivo\":\"revisado con calidad\"}"))
        .andExpect(jsonPath("$.estado_detalle").value("PENDIENTE_METROLOGIA"))
        .andExpect(jsonPath("$.cycle").value(0));
    perform(ok(METROLOGIA, MR93_APRUEBA))
        .andExpect(jsonPath("$.resultado").value("APROBADO"))
        .andExpect(jsonPath("$.estado_detalle").value("METROLOGIA APROBADO ✓"))
        .andExpect(jsonPath("$.cycle").value(0));

    assertThat(BUS.published)
        .filteredOn(OccupationCommand.CompletarMetrologia.class::isInstance)
        .hasSize(4)
        .allSatisfy(
            c -> assertThat(((OccupationCommand.CompletarMetrologia) c).worker()).isEqualTo(MR93));
    assertThat(BUS.published)
        .filteredOn(OccupationCommand.DesbloquearSpool.class::isInstance)
        .singleElement()
        .satisfies(
            d -> assertThat(((OccupationCommand.DesbloquearSpool) d).admin()).isEqualTo("admin"));
  }

  private ResultActions perform(Exchange exchange) throws Exception {
    MockHttpServletRequestBuilder request =
        post(exchange.route()).contentType(MediaType.APPLICATION_JSON).content(exchange.body());
    if (exchange.route().startsWith("/api/admin/")) {
      request.header("Authorization", "Bearer s3cret");
    }
    ResultActions answer = mvc.perform(request).andExpect(status().is(exchange.status()));
    if (exchange.code() != null) {
      return answer
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value(exchange.code()));
    }
    return exchange.route().equals(BATCH)
        ? answer.andExpect(jsonPath("$.failed").value(0))
        : answer.andExpect(jsonPath("$.success").value(true));
  }
}
