package cl.zeues.occupation.api.occupation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.zeues.occupation.api.ApiSettings;
import cl.zeues.occupation.api.security.Caller;
import cl.zeues.occupation.api.security.CallerAuthentication;
import cl.zeues.occupation.api.security.Role;
import cl.zeues.occupation.api.web.ApiProblemHandler;
import cl.zeues.occupation.api.web.RequestBodyLimitFilter;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.Worker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The HTTP contract of the occupation routes, against the real controllers, {@link
 * ApiProblemHandler}, {@link RequestBodyLimitFilter}, bean validation and Spring Boot's JSON mapper
 * configuration. It runs on a standalone MockMvc built once per JVM (see {@link
 * StandaloneOccupationMvc}) instead of a {@code @WebMvcTest} context: same assertions, a fraction
 * of the start-up. The full wiring (the Spring context, actuator, OpenAPI) is covered by {@code
 * OccupationRoundTripIT}.
 */
class OccupationApiTest {

  private static final String TAG = "MK-1335-CW-25238-011";
  private static final String WORKER = "\"worker_id\":94,\"worker_nombre\":\"Juan Perez\"";

  /** The fake bus's replies are complete when returned: only a silent tag waits the timeout. */
  private static final StandaloneOccupationMvc<FakeCommandBus> APP =
      StandaloneOccupationMvc.start(
          Map.of(
              "zeues.api.reply-timeout", "10ms",
              "zeues.api.admin-token", "s3cret",
              "zeues.api.max-batch", "50",
              "zeues.api.max-body-size", "64KB"));

  private final MockMvc mvc = APP.mvc();
  private final FakeCommandBus bus = APP.bus();
  private final FakeStatusReader store = APP.store();
  private final ApiSettings settings = APP.settings();

  @BeforeEach
  void reset() {
    bus.reset();
    store.reset();
  }

  private static MockHttpServletRequestBuilder postJson(String path, String json) {
    return post(path).contentType(MediaType.APPLICATION_JSON).content(json);
  }

  private static String body(String tag, String extra) {
    return "{\"tag_spool\":\"" + tag + "\"," + WORKER + extra + "}";
  }

  @Test
  void tomarAcceptedAnswers200WithTheNewVersion() throws Exception {
    mvc.perform(postJson("/api/occupation/tomar", body(TAG, ",\"operacion\":\"ARM\"")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.success").value(true))
        .andExpect(jsonPath("$.tag_spool").value(TAG))
        .andExpect(jsonPath("$.message").value("OK " + TAG))
        .andExpect(jsonPath("$.version").value(7));

    assertThat(bus.published).singleElement().isInstanceOf(OccupationCommand.Tomar.class);
    var tomar = (OccupationCommand.Tomar) bus.published.getFirst();
    assertThat(tomar.worker()).isEqualTo(new Worker(94, "Juan Perez", "JP(94)"));
    assertThat(tomar.operacion()).isEqualTo(Operacion.ARM);
    assertThat(tomar.tagSpool()).isEqualTo(TAG);
  }

  @Test
  void theCommandNamesTheAuthenticatedDeviceWhateverTheBodySays() throws Exception {
    mvc.perform(
            postJson(
                "/api/occupation/tomar",
                body(TAG, ",\"operacion\":\"ARM\",\"dispositivo\":\"otra-tablet\"")))
        .andExpect(status().isOk());

    assertThat(bus.published)
        .singleElement()
        .extracting(OccupationCommand::dispositivo)
        .isEqualTo(StandaloneOccupationMvc.CALLER.getPrincipal().id());
  }

  @Test
  void everyCommandOfABatchNamesTheAuthenticatedDevice() throws Exception {
    mvc.perform(
            postJson(
                "/api/occupation/batch-tomar",
                "{\"tag_spools\":[\"B-1\",\"B-2\"]," + WORKER + ",\"operacion\":\"ARM\"}"))
        .andExpect(status().isOk());

    assertThat(bus.published)
        .hasSize(2)
        .extracting(OccupationCommand::dispositivo)
        .containsOnly(StandaloneOccupationMvc.CALLER.getPrincipal().id());
  }

  @Test
  void withoutDeviceCredentialsTheCommandNamesNoDevice() throws Exception {
    mvc.perform(
            postJson("/api/occupation/tomar", body(TAG, ",\"operacion\":\"ARM\""))
                .principal(() -> "anonymousUser")) // credentials off: no Caller
        .andExpect(status().isOk());

    assertThat(bus.published).singleElement().extracting(OccupationCommand::dispositivo).isNull();
  }

  @Test
  void theWorkerIsNamedAsTheDirectorySaysNotAsTheTabletTypedIt() throws Exception {
    mvc.perform(
            postJson(
                "/api/occupation/tomar",
                "{\"tag_spool\":\""
                    + TAG
                    + "\",\"worker_id\":94,"
                    + "\"worker_nombre\":\"Juanito\",\"operacion\":\"ARM\"}"))
        .andExpect(status().isOk());

    var tomar = (OccupationCommand.Tomar) bus.published.getFirst();
    assertThat(tomar.worker()).isEqualTo(new Worker(94, "Juan Perez", "JP(94)"));
  }

  @Test
  void anUnknownWorkerIsNotFoundAndNothingIsPublished() throws Exception {
    mvc.perform(
            postJson(
                "/api/occupation/tomar",
                "{\"tag_spool\":\""
                    + TAG
                    + "\",\"worker_id\":555,"
                    + "\"worker_nombre\":\"Nadie Conocido\",\"operacion\":\"ARM\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("WORKER_NO_ENCONTRADO"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("555")));

    assertThat(bus.published).isEmpty();
  }

  @Test
  void anInactiveWorkerIsNotFoundAndNothingIsPublished() throws Exception {
    mvc.perform(
            postJson(
                "/api/occupation/pausar",
                "{\"tag_spool\":\"" + TAG + "\",\"worker_id\":7,\"worker_nombre\":\"Rosa Vidal\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("WORKER_NO_ENCONTRADO"));

    assertThat(bus.published).isEmpty();
  }

  @Test
  void pausarWithoutOperacionPublishesPausarForTheOccupiedOperation() throws Exception {
    mvc.perform(postJson("/api/occupation/pausar", body(TAG, "")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.success").value(true));

    assertThat(bus.published)
        .singleElement()
        .isInstanceOfSatisfying(
            OccupationCommand.Pausar.class, p -> assertThat(p.operacion()).isNull());
  }

  @Test
  void completarCarriesTheGivenFechaOperacion() throws Exception {
    mvc.perform(
            postJson(
                "/api/occupation/completar",
                body(TAG, ",\"operacion\":\"SOLD\",\"fecha_operacion\":\"2026-11-20\"")))
        .andExpect(status().isOk());

    assertThat(bus.published)
        .singleElement()
        .isInstanceOfSatisfying(
            OccupationCommand.Completar.class,
            c -> {
              assertThat(c.operacion()).isEqualTo(Operacion.SOLD);
              assertThat(c.fechaOperacion()).isEqualTo(LocalDate.of(2026, 11, 20));
            });
  }

  @Test
  void cancelarPublishesCancelar() throws Exception {
    mvc.perform(postJson("/api/occupation/cancelar", body(TAG, ",\"operacion\":\"ARM\"")))
        .andExpect(status().isOk());

    assertThat(bus.published).singleElement().isInstanceOf(OccupationCommand.Cancelar.class);
  }

  @Test
  void adminReleasePublishesLiberarNamingTheAdmin() throws Exception {
    mvc.perform(
            postJson(
                    "/api/admin/occupation/" + TAG + "/release", "{\"motivo\":\"turno terminado\"}")
                .header("Authorization", "Bearer s3cret"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.success").value(true));

    assertThat(bus.published)
        .singleElement()
        .isInstanceOfSatisfying(
            OccupationCommand.LiberarOcupacion.class,
            l -> {
              assertThat(l.admin()).isEqualTo("admin");
              assertThat(l.motivo()).isEqualTo("turno terminado");
            });
  }

  @Test
  void adminReleaseWithoutBodyIsAccepted() throws Exception {
    mvc.perform(
            post("/api/admin/occupation/" + TAG + "/release")
                .header("Authorization", "Bearer s3cret"))
        .andExpect(status().isOk());

    assertThat(bus.published)
        .singleElement()
        .isInstanceOfSatisfying(
            OccupationCommand.LiberarOcupacion.class, l -> assertThat(l.motivo()).isNull());
  }

  @Test
  void batchTomarReportsEachTagAndAlwaysAnswers200() throws Exception {
    bus.reject("B-2", RejectionReason.SPOOL_OCCUPIED, "MR(12)");
    bus.silent("B-3");

    mvc.perform(
            postJson(
                "/api/occupation/batch-tomar",
                "{\"tag_spools\":[\"B-1\",\"B-2\",\"B-3\"]," + WORKER + ",\"operacion\":\"ARM\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.succeeded").value(1))
        .andExpect(jsonPath("$.failed").value(2))
        .andExpect(jsonPath("$.details[0].tag_spool").value("B-1"))
        .andExpect(jsonPath("$.details[0].success").value(true))
        .andExpect(jsonPath("$.details[0].code").doesNotExist())
        .andExpect(jsonPath("$.details[1].success").value(false))
        .andExpect(jsonPath("$.details[1].code").value("SPOOL_OCCUPIED"))
        .andExpect(jsonPath("$.details[1].ocupado_por").value("MR(12)"))
        .andExpect(jsonPath("$.details[2].code").value("PENDIENTE"));

    assertThat(bus.published)
        .extracting(OccupationCommand::tagSpool)
        .containsExactlyInAnyOrder("B-1", "B-2", "B-3");
  }

  @Test
  void batchTomarWithTheBrokerDownReportsEachTagUnpublished() throws Exception {
    bus.down("D-1");

    mvc.perform(
            postJson(
                "/api/occupation/batch-tomar",
                "{\"tag_spools\":[\"D-1\",\"D-2\"]," + WORKER + ",\"operacion\":\"ARM\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.succeeded").value(1))
        .andExpect(jsonPath("$.details[0].code").value("KAFKA_NO_DISPONIBLE"));
  }

  @Test
  void tomarWithTheBrokerDownIs503() throws Exception {
    bus.down(TAG);
    mvc.perform(postJson("/api/occupation/tomar", body(TAG, ",\"operacion\":\"ARM\"")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("KAFKA_NO_DISPONIBLE"));
  }

  @Test
  void noReplyWithinTheTimeoutAnswers202WithLocation() throws Exception {
    bus.silent(TAG);

    var result =
        mvc.perform(postJson("/api/occupation/tomar", body(TAG, ",\"operacion\":\"ARM\"")))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.status").value("PENDIENTE"))
            .andExpect(jsonPath("$.tag_spool").value(TAG))
            .andReturn();

    UUID id = bus.published.getFirst().commandId();
    assertThat(result.getResponse().getHeader("Location"))
        .isEqualTo("/api/occupation/commands/" + TAG + "/" + id);
    assertThat(result.getResponse().getContentAsString()).contains(id.toString());
  }

  @Test
  void commandOutcomeIsPendingUntilRecordedThenAnswersLikeTheSynchronousCall() throws Exception {
    UUID id = UUID.randomUUID();
    mvc.perform(get("/api/occupation/commands/" + TAG + "/" + id))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("PENDIENTE"));

    store.outcomes.put(
        id,
        new CommandReply.Rejected(
            id, TAG, "ocupado", Instant.now(), RejectionReason.SPOOL_OCCUPIED, "MR(12)"));
    mvc.perform(get("/api/occupation/commands/" + TAG + "/" + id))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("SPOOL_OCCUPIED"))
        .andExpect(jsonPath("$.ocupado_por").value("MR(12)"));

    UUID accepted = UUID.randomUUID();
    store.outcomes.put(
        accepted, new CommandReply.Accepted(accepted, TAG, "ok", Instant.now(), 4, List.of()));
    mvc.perform(get("/api/occupation/commands/" + TAG + "/" + accepted))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(4));
  }

  @ParameterizedTest
  @EnumSource(RejectionReason.class)
  void everyRejectionIsAProblemWithItsStatusAndCode(RejectionReason reason) throws Exception {
    bus.reject(TAG, reason, "MR(12)");
    int expected =
        switch (reason) {
          case SPOOL_OCCUPIED, SIN_EFECTO, SPOOL_NO_BLOQUEADO -> 409;
          case NO_AUTORIZADO, SPOOL_BLOQUEADO, ROL_NO_AUTORIZADO -> 403;
          case LOCK_EXPIRED -> 410;
          case SPOOL_NO_ENCONTRADO, WORKER_NO_ENCONTRADO -> 404;
          case DEPENDENCIAS_NO_SATISFECHAS,
              OPERACION_YA_COMPLETADA,
              OPERACION_NO_INICIADA,
              OPERACION_NO_SOPORTADA ->
              400;
        };

    mvc.perform(postJson("/api/occupation/tomar", body(TAG, ",\"operacion\":\"ARM\"")))
        .andExpect(status().is(expected))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(expected))
        .andExpect(jsonPath("$.code").value(reason.name()))
        .andExpect(jsonPath("$.detail").value("Rechazado: " + reason))
        .andExpect(jsonPath("$.tag_spool").value(TAG))
        .andExpect(jsonPath("$.ocupado_por").value("MR(12)"))
        .andExpect(jsonPath("$.command_id").value(bus.published.getFirst().commandId().toString()));
    assertThat(ApiProblemHandler.statusOf(reason).value()).isEqualTo(expected);
  }

  @Test
  void idempotencyKeyGivesADeterministicCommandIdPerTag() throws Exception {
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              postJson("/api/occupation/tomar", body(TAG, ",\"operacion\":\"ARM\""))
                  .header("Idempotency-Key", "tablet-7-req-42"))
          .andExpect(status().isOk());
    }
    mvc.perform(
            postJson(
                    "/api/occupation/batch-tomar",
                    "{\"tag_spools\":[\"I-1\",\"I-2\"]," + WORKER + ",\"operacion\":\"ARM\"}")
                .header("Idempotency-Key", "tablet-7-req-43"))
        .andExpect(status().isOk());

    UUID expected =
        UUID.nameUUIDFromBytes(
            ("idem:test-device:tablet-7-req-42:" + TAG).getBytes(StandardCharsets.UTF_8));
    assertThat(bus.published.get(0).commandId()).isEqualTo(expected);
    assertThat(bus.published.get(1).commandId()).isEqualTo(expected);
    assertThat(bus.published.subList(2, 4))
        .extracting(OccupationCommand::commandId)
        .containsExactlyInAnyOrder(
            UUID.nameUUIDFromBytes(
                "idem:test-device:tablet-7-req-43:I-1".getBytes(StandardCharsets.UTF_8)),
            UUID.nameUUIDFromBytes(
                "idem:test-device:tablet-7-req-43:I-2".getBytes(StandardCharsets.UTF_8)));
  }

  /** Keys are scoped to the caller: another device reusing a key never gets the first's outcome. */
  @Test
  void theSameIdempotencyKeyFromAnotherDeviceIsAnotherCommand() throws Exception {
    var otherDevice = new CallerAuthentication(new Caller("other-device", "tablet-9", Role.TABLET));
    mvc.perform(
            postJson("/api/occupation/tomar", body(TAG, ",\"operacion\":\"ARM\""))
                .header("Idempotency-Key", "shared-key"))
        .andExpect(status().isOk());
    mvc.perform(
            postJson("/api/occupation/tomar", body(TAG, ",\"operacion\":\"ARM\""))
                .header("Idempotency-Key", "shared-key")
                .principal(otherDevice))
        .andExpect(status().isOk());

    assertThat(bus.published).hasSize(2);
    assertThat(bus.published.get(0).commandId()).isNotEqualTo(bus.published.get(1).commandId());
  }

  @Test
  void withoutIdempotencyKeyEveryRequestGetsAFreshCommandId() throws Exception {
    for (int i = 0; i < 2; i++) {
      mvc.perform(postJson("/api/occupation/tomar", body(TAG, ",\"operacion\":\"ARM\"")))
          .andExpect(status().isOk());
    }
    assertThat(bus.published.get(0).commandId()).isNotEqualTo(bus.published.get(1).commandId());
  }

  @Test
  void everyFieldErrorIsListed() throws Exception {
    mvc.perform(
            postJson(
                "/api/occupation/tomar",
                "{\"tag_spool\":\" bad\",\"worker_id\":0,\"worker_nombre\":\"Juan\\u0000\","
                    + "\"operacion\":\"PINTURA\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("SOLICITUD_INVALIDA"))
        .andExpect(jsonPath("$.errors", hasSize(4)))
        .andExpect(jsonPath("$.errors[*].field", hasItem("tag_spool")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("worker_id")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("worker_nombre")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("operacion")))
        .andExpect(
            jsonPath("$.errors[*].message", hasItem(containsString("ARM, SOLD, METROLOGIA"))));
    assertThat(bus.published).isEmpty();
  }

  @Test
  void maxBatchComesFromTheSettings() {
    assertThat(settings.maxBatch()).isEqualTo(50);
  }

  /** A malformed request: where it goes, what it carries, and the answer it must get. */
  record Malformed(
      String name,
      String method,
      String path,
      String contentType,
      String body,
      int status,
      String code,
      String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Malformed> malformedRequests() {
    String json = MediaType.APPLICATION_JSON_VALUE;
    String tomar = "/api/occupation/tomar";
    String batch = "/api/occupation/batch-tomar";
    String ok = ",\"operacion\":\"ARM\"";
    String tags51 =
        IntStream.range(0, 51).mapToObj(i -> "\"T-" + i + "\"").collect(Collectors.joining(","));
    return List.of(
        new Malformed(
            "truncated JSON", "POST", tomar, json, "{\"tag_spool\":", 400, "JSON_INVALIDO", ""),
        new Malformed("empty body", "POST", tomar, json, "", 400, "JSON_INVALIDO", ""),
        new Malformed("JSON array", "POST", tomar, json, "[1,2]", 400, "JSON_INVALIDO", ""),
        new Malformed(
            "worker_id not a number",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"worker_id\":\"abc\",\"worker_nombre\":\"Ana Diaz\""
                + ok
                + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        new Malformed(
            "worker_id an object",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"worker_id\":{},\"worker_nombre\":\"Ana Diaz\"" + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        new Malformed(
            "tag_spool an array",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":[1],\"worker_id\":1,\"worker_nombre\":\"Ana Diaz\"" + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        new Malformed(
            "missing tag_spool",
            "POST",
            tomar,
            json,
            "{" + WORKER + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        new Malformed(
            "blank tag_spool",
            "POST",
            tomar,
            json,
            body("", ok),
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        new Malformed(
            "tag_spool with a space",
            "POST",
            tomar,
            json,
            body("MK 1", ok),
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        new Malformed(
            "tag_spool starting with a dash",
            "POST",
            tomar,
            json,
            body("-MK", ok),
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        new Malformed(
            "tag_spool of 65 chars",
            "POST",
            tomar,
            json,
            body("A".repeat(65), ok),
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        new Malformed(
            "worker_id zero",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"worker_id\":0,\"worker_nombre\":\"Ana Diaz\"" + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        new Malformed(
            "worker_id negative",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"worker_id\":-5,\"worker_nombre\":\"Ana Diaz\"" + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        new Malformed(
            "missing worker_id",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"worker_nombre\":\"Ana Diaz\"" + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        new Malformed(
            "blank worker_nombre",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"worker_id\":1,\"worker_nombre\":\"   \"" + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_nombre"),
        new Malformed(
            "empty worker_nombre",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"worker_id\":1,\"worker_nombre\":\"\"" + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_nombre"),
        new Malformed(
            "worker_nombre with a control character",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"worker_id\":1,\"worker_nombre\":\"Ana\\u0007\"" + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_nombre"),
        new Malformed(
            "worker_nombre of 101 characters",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"worker_id\":1,\"worker_nombre\":\""
                + "a".repeat(101)
                + "\""
                + ok
                + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_nombre"),
        new Malformed(
            "unknown operacion",
            "POST",
            tomar,
            json,
            body("A-1", ",\"operacion\":\"PINTURA\""),
            400,
            "SOLICITUD_INVALIDA",
            "operacion"),
        new Malformed(
            "missing operacion on tomar",
            "POST",
            tomar,
            json,
            body("A-1", ""),
            400,
            "SOLICITUD_INVALIDA",
            "operacion"),
        new Malformed(
            "fecha_operacion not ISO",
            "POST",
            "/api/occupation/completar",
            json,
            body("A-1", ",\"fecha_operacion\":\"27-11-2026\""),
            400,
            "SOLICITUD_INVALIDA",
            "fecha_operacion"),
        new Malformed(
            "fecha_operacion impossible",
            "POST",
            "/api/occupation/completar",
            json,
            body("A-1", ",\"fecha_operacion\":\"2026-02-30\""),
            400,
            "SOLICITUD_INVALIDA",
            "fecha_operacion"),
        new Malformed(
            "pausar unknown operacion",
            "POST",
            "/api/occupation/pausar",
            json,
            body("A-1", ",\"operacion\":\"arm\""),
            400,
            "SOLICITUD_INVALIDA",
            "operacion"),
        new Malformed(
            "batch without tags",
            "POST",
            batch,
            json,
            "{\"tag_spools\":[]," + WORKER + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spools"),
        new Malformed(
            "batch of 51 tags",
            "POST",
            batch,
            json,
            "{\"tag_spools\":[" + tags51 + "]," + WORKER + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spools"),
        new Malformed(
            "batch with duplicate tags",
            "POST",
            batch,
            json,
            "{\"tag_spools\":[\"A-1\",\"A-2\",\"A-1\"]," + WORKER + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spools"),
        new Malformed(
            "batch with a bad tag",
            "POST",
            batch,
            json,
            "{\"tag_spools\":[\"A-1\",\"=A\"]," + WORKER + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spools[1]"),
        new Malformed(
            "batch with a bad worker",
            "POST",
            batch,
            json,
            "{\"tag_spools\":[\"A-1\"],\"worker_id\":-1,\"worker_nombre\":\"Ana\"" + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        new Malformed(
            "text/plain body",
            "POST",
            tomar,
            MediaType.TEXT_PLAIN_VALUE,
            body("A-1", ok),
            415,
            "TIPO_CONTENIDO_NO_SOPORTADO",
            ""),
        new Malformed(
            "unknown route",
            "POST",
            "/api/occupation/robar",
            json,
            body("A-1", ok),
            404,
            "RUTA_NO_ENCONTRADA",
            ""),
        new Malformed(
            "GET on a command route", "GET", tomar, json, "", 405, "METODO_NO_PERMITIDO", ""),
        new Malformed(
            "command outcome with a bad id",
            "GET",
            "/api/occupation/commands/A-1/xyz",
            json,
            "",
            400,
            "SOLICITUD_INVALIDA",
            "command_id"),
        new Malformed(
            "body over the size limit",
            "POST",
            tomar,
            json,
            body("A-1", ok + ",\"pad\":\"" + "x".repeat(70_000) + "\""),
            413,
            "CUERPO_DEMASIADO_GRANDE",
            ""),
        new Malformed(
            "admin release with a long motivo",
            "POST",
            "/api/admin/occupation/A-1/release",
            json,
            "{\"motivo\":\"" + "m".repeat(501) + "\"}",
            400,
            "SOLICITUD_INVALIDA",
            "motivo"),
        new Malformed(
            "admin release of a bad tag",
            "POST",
            "/api/admin/occupation/=A/release",
            json,
            "{}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        // Jackson's lenient defaults would publish these as some other command (StrictJsonInput).
        new Malformed(
            "worker_id a fraction",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"worker_id\":94.5,\"worker_nombre\":\"Juan Perez\"" + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        new Malformed(
            "tag_spool a number",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":12345," + WORKER + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        new Malformed(
            "tag_spool a boolean",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":true," + WORKER + ok + "}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        new Malformed(
            "tag_spool twice",
            "POST",
            tomar,
            json,
            "{\"tag_spool\":\"A-1\",\"tag_spool\":\"A-2\"," + WORKER + ok + "}",
            400,
            "JSON_INVALIDO",
            ""));
  }

  @ParameterizedTest
  @MethodSource("malformedRequests")
  void malformedRequestIsAProblemAndPublishesNothing(Malformed request) throws Exception {
    MockHttpServletRequestBuilder builder =
        request.method().equals("GET") ? get(request.path()) : post(request.path());
    builder.contentType(request.contentType()).header("Authorization", "Bearer s3cret");
    if (!request.body().isEmpty()) {
      builder.content(request.body());
    }

    var answer =
        mvc.perform(builder)
            .andExpect(status().is(request.status()))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.code").value(request.code()))
            .andExpect(jsonPath("$.status").value(request.status()));
    if (!request.field().isEmpty()) {
      answer.andExpect(jsonPath("$.errors[*].field", hasItem(request.field())));
    }
    var result = answer.andReturn();

    assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception", "\tat ");
    assertThat(bus.published).isEmpty();
  }

  @Test
  void blankIdempotencyKeyIsRejected() throws Exception {
    mvc.perform(
            postJson("/api/occupation/tomar", body(TAG, ",\"operacion\":\"ARM\""))
                .header("Idempotency-Key", " "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    assertThat(bus.published).isEmpty();
  }
}
