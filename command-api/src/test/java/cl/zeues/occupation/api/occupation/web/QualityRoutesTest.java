package cl.zeues.occupation.api.occupation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import cl.zeues.occupation.events.Worker;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The metrology, repair and unblock routes and the role check: what each publishes, and what is
 * refused before anything is published. Decisions are scripted ({@link FakeCommandBus}); the real
 * decider's answers are {@link TabletContractTest}'s.
 */
class QualityRoutesTest {

  private static final String TAG = "MK-1335-CW-25238-011";
  private static final Worker MR93 = new Worker(93, "Mario Rojas", "MR(93)");
  private static final Worker JP94 = new Worker(94, "Juan Perez", "JP(94)");

  /** The default rules: only metrology's role is enforced. */
  private static final StandaloneOccupationMvc<FakeCommandBus> APP =
      StandaloneOccupationMvc.start(Map.of("zeues.api.admin-token", "s3cret"));

  private final MockMvc mvc = APP.mvc();
  private final FakeCommandBus bus = APP.bus();

  @BeforeEach
  void reset() {
    bus.reset();
  }

  private static MockHttpServletRequestBuilder postJson(String path, String json) {
    return post(path).contentType(MediaType.APPLICATION_JSON).content(json);
  }

  @Test
  void metrologiaPublishesTheResultByTheDirectorysWorkerAndEchoesIt() throws Exception {
    mvc.perform(
            postJson(
                "/api/metrologia/completar",
                "{\"tag_spool\":\""
                    + TAG
                    + "\",\"worker_id\":93,\"worker_nombre\":\"=HYPERLINK(A1)\","
                    + "\"resultado\":\"RECHAZADO\",\"fecha_operacion\":\"2026-11-27\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.success").value(true))
        .andExpect(jsonPath("$.tag_spool").value(TAG))
        .andExpect(jsonPath("$.resultado").value("RECHAZADO"));

    var metrologia = (OccupationCommand.CompletarMetrologia) bus.published.getFirst();
    assertThat(metrologia.worker()).isEqualTo(MR93);
    assertThat(metrologia.resultado()).isEqualTo(Resultado.RECHAZADO);
    assertThat(metrologia.fechaOperacion()).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(new JsonCodec().writeString(metrologia)).doesNotContain("HYPERLINK");
  }

  @Test
  void completarWithOperacionMetrologiaIsTheSameInspection() throws Exception {
    mvc.perform(
            postJson(
                "/api/occupation/completar",
                "{\"tag_spool\":\""
                    + TAG
                    + "\",\"worker_id\":93,\"operacion\":\"METROLOGIA\",\"resultado\":\"APROBADO\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.resultado").value("APROBADO"));

    assertThat(bus.published)
        .singleElement()
        .isInstanceOfSatisfying(
            OccupationCommand.CompletarMetrologia.class,
            m -> {
              assertThat(m.worker()).isEqualTo(MR93);
              assertThat(m.resultado()).isEqualTo(Resultado.APROBADO);
              assertThat(m.fechaOperacion()).isNull();
            });
  }

  @Test
  void metrologiaByAWorkerWithoutTheRoleIsForbiddenAndNothingIsPublished() throws Exception {
    mvc.perform(
            postJson(
                "/api/metrologia/completar",
                "{\"tag_spool\":\"" + TAG + "\",\"worker_id\":94,\"resultado\":\"APROBADO\"}"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("ROL_NO_AUTORIZADO"))
        .andExpect(jsonPath("$.tag_spool").value(TAG))
        .andExpect(jsonPath("$.detail").value(containsString("JP(94)")))
        .andExpect(jsonPath("$.detail").value(containsString("Metrologia")));

    assertThat(bus.published).isEmpty();
  }

  @Test
  void metrologiaByAnUnknownWorkerIsNotFound() throws Exception {
    mvc.perform(
            postJson(
                "/api/metrologia/completar",
                "{\"tag_spool\":\"" + TAG + "\",\"worker_id\":555,\"resultado\":\"APROBADO\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("WORKER_NO_ENCONTRADO"));

    assertThat(bus.published).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/tomar-reparacion, TOMAR",
    "/api/pausar-reparacion, PAUSAR",
    "/api/completar-reparacion, COMPLETAR",
    "/api/cancelar-reparacion, CANCELAR"
  })
  void eachRepairAliasPublishesItsCommandForReparacion(String route, String verb) throws Exception {
    mvc.perform(postJson(route, "{\"worker_id\":94,\"tag_spool\":\"" + TAG + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.success").value(true));

    OccupationCommand command = bus.published.getFirst();
    assertThat(command.getClass().getSimpleName()).isEqualToIgnoringCase(verb);
    var byWorker = (OccupationCommand.ByWorker) command;
    assertThat(byWorker.operacion()).isEqualTo(Operacion.REPARACION);
    assertThat(byWorker.worker()).isEqualTo(JP94);
  }

  @Test
  void byDefaultAnyActiveWorkerMayTakeARepair() throws Exception {
    // Pedro Soto (12) is only Ayudante: REPARACION's role is not enforced unless configured.
    mvc.perform(
            postJson("/api/tomar-reparacion", "{\"worker_id\":12,\"tag_spool\":\"" + TAG + "\"}"))
        .andExpect(status().isOk());

    assertThat(bus.published).hasSize(1);
  }

  @Test
  void desbloquearPublishesTheUnblockNamingTheAdmin() throws Exception {
    mvc.perform(
            postJson("/api/admin/spools/" + TAG + "/desbloquear", "{\"motivo\":\"revisado\"}")
                .header("Authorization", "Bearer s3cret"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.success").value(true));

    assertThat(bus.published)
        .singleElement()
        .isInstanceOfSatisfying(
            OccupationCommand.DesbloquearSpool.class,
            d -> {
              assertThat(d.admin()).isEqualTo("admin");
              assertThat(d.motivo()).isEqualTo("revisado");
              assertThat(d.tagSpool()).isEqualTo(TAG);
            });
  }

  @Test
  void desbloquearWithoutBodyIsAccepted() throws Exception {
    mvc.perform(
            post("/api/admin/spools/" + TAG + "/desbloquear")
                .header("Authorization", "Bearer s3cret"))
        .andExpect(status().isOk());

    assertThat(bus.published)
        .singleElement()
        .isInstanceOfSatisfying(
            OccupationCommand.DesbloquearSpool.class, d -> assertThat(d.motivo()).isNull());
  }

  /** A request refused as malformed, and the field it names. */
  record Malformed(String name, String route, String body, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Malformed> malformed() {
    String metrologia = "/api/metrologia/completar";
    String completar = "/api/occupation/completar";
    String start = "{\"tag_spool\":\"" + TAG + "\",\"worker_id\":93,";
    return List.of(
        new Malformed("metrologia without resultado", metrologia, start + "\"x\":1}", "resultado"),
        new Malformed(
            "metrologia lower-case resultado",
            metrologia,
            start + "\"resultado\":\"aprobado\"}",
            "resultado"),
        new Malformed(
            "metrologia unknown resultado",
            metrologia,
            start + "\"resultado\":\"OK\"}",
            "resultado"),
        new Malformed(
            "metrologia resultado a boolean",
            metrologia,
            start + "\"resultado\":true}",
            "resultado"),
        new Malformed(
            "metrologia without worker_id",
            metrologia,
            "{\"tag_spool\":\"" + TAG + "\",\"resultado\":\"APROBADO\"}",
            "worker_id"),
        new Malformed(
            "metrologia bad fecha_operacion",
            metrologia,
            start + "\"resultado\":\"APROBADO\",\"fecha_operacion\":\"27-11-2026\"}",
            "fecha_operacion"),
        new Malformed(
            "completar METROLOGIA without resultado",
            completar,
            start + "\"operacion\":\"METROLOGIA\"}",
            "resultado"),
        new Malformed(
            "completar ARM with a resultado",
            completar,
            start + "\"operacion\":\"ARM\",\"resultado\":\"APROBADO\"}",
            "resultado"),
        new Malformed(
            "completar without operacion with a resultado",
            completar,
            start + "\"resultado\":\"APROBADO\"}",
            "resultado"),
        new Malformed(
            "tomar-reparacion without tag_spool",
            "/api/tomar-reparacion",
            "{\"worker_id\":93}",
            "tag_spool"),
        new Malformed(
            "pausar-reparacion worker_id zero",
            "/api/pausar-reparacion",
            "{\"worker_id\":0,\"tag_spool\":\"" + TAG + "\"}",
            "worker_id"),
        new Malformed(
            "completar-reparacion tag with a space",
            "/api/completar-reparacion",
            "{\"worker_id\":93,\"tag_spool\":\"MK 1\"}",
            "tag_spool"),
        new Malformed(
            "cancelar-reparacion worker_nombre with a control character",
            "/api/cancelar-reparacion",
            "{\"worker_id\":93,\"worker_nombre\":\"\\tMR(93)\",\"tag_spool\":\"" + TAG + "\"}",
            "worker_nombre"),
        new Malformed(
            "desbloquear a bad tag", "/api/admin/spools/MK%201/desbloquear", "{}", "tag_spool"),
        new Malformed(
            "desbloquear motivo over 500 characters",
            "/api/admin/spools/" + TAG + "/desbloquear",
            "{\"motivo\":\"" + "m".repeat(501) + "\"}",
            "motivo"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedRequestIsA400NamingTheFieldAndPublishesNothing(Malformed request) throws Exception {
    mvc.perform(postJson(request.route(), request.body()).header("Authorization", "Bearer s3cret"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("SOLICITUD_INVALIDA"))
        .andExpect(jsonPath("$.errors[*].field", hasItem(request.field())));

    assertThat(bus.published).isEmpty();
  }

  /** {@code zeues.rules.enforce-roles} naming every operation: the tablets' matrix, server-side. */
  @Nested
  class EveryRoleEnforced {

    private static final StandaloneOccupationMvc<FakeCommandBus> STRICT =
        StandaloneOccupationMvc.start(
            Map.of("zeues.rules.enforce-roles", "ARM,SOLD,METROLOGIA,REPARACION"));

    private final FakeCommandBus strictBus = STRICT.bus();

    @BeforeEach
    void reset() {
      strictBus.reset();
    }

    @ParameterizedTest(name = "worker {0} TOMAR {1}: {2}")
    @CsvSource({
      "94, ARM, 200",
      "94, SOLD, 403",
      "1, SOLD, 200",
      "1, ARM, 403",
      "12, ARM, 200",
      "12, SOLD, 200",
      "12, REPARACION, 403",
      "94, REPARACION, 200",
      "1, REPARACION, 200"
    })
    void tomarFollowsTheMatrix(int worker, String operacion, int status) throws Exception {
      STRICT
          .mvc()
          .perform(
              postJson(
                  "/api/occupation/tomar",
                  "{\"tag_spool\":\""
                      + TAG
                      + "\",\"worker_id\":"
                      + worker
                      + ",\"operacion\":\""
                      + operacion
                      + "\"}"))
          .andExpect(status().is(status));

      assertThat(strictBus.published).hasSize(status == 200 ? 1 : 0);
    }

    @Test
    void theRepairAliasIsCheckedToo() throws Exception {
      STRICT
          .mvc()
          .perform(
              postJson("/api/tomar-reparacion", "{\"worker_id\":12,\"tag_spool\":\"" + TAG + "\"}"))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("ROL_NO_AUTORIZADO"))
          .andExpect(jsonPath("$.detail").value(containsString("Armador o Soldador")));

      assertThat(strictBus.published).isEmpty();
    }

    @Test
    void endingOnesOwnWorkNeedsNoRole() throws Exception {
      // Only the occupant may pause, complete or cancel, and they took the spool with the role.
      for (String action : List.of("pausar", "completar", "cancelar")) {
        STRICT
            .mvc()
            .perform(
                postJson(
                    "/api/occupation/" + action,
                    "{\"tag_spool\":\"" + TAG + "\",\"worker_id\":12,\"operacion\":\"SOLD\"}"))
            .andExpect(status().isOk());
      }

      assertThat(strictBus.published).hasSize(3);
    }

    @Test
    void aBatchReportsEachRefusalAndPublishesNone() throws Exception {
      STRICT
          .mvc()
          .perform(
              postJson(
                  "/api/occupation/batch-tomar",
                  "{\"tag_spools\":[\"B-1\",\"B-2\"],\"worker_id\":94,\"operacion\":\"SOLD\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.failed").value(2))
          .andExpect(jsonPath("$.details[0].code").value("ROL_NO_AUTORIZADO"))
          .andExpect(jsonPath("$.details[1].code").value("ROL_NO_AUTORIZADO"));

      assertThat(strictBus.published).isEmpty();
    }
  }
}
