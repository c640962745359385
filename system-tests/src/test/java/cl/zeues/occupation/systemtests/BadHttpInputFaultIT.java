package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * What a broken tablet, a hand-written curl or a hostile client can send. Every malformed request
 * gets a 4xx RFC 9457 problem detail with its stable {@code code}, naming what is wrong, and none
 * of them reaches Kafka: the commands topic's end offsets do not move. Also fired all at once. What
 * only looks malformed but the contract accepts (an absent or formula-like {@code worker_nombre})
 * is accepted, and its text never reaches the log.
 */
class BadHttpInputFaultIT {

  static final String RUN = "BAD-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
  static final String TAG = RUN + "-001";
  static final String JSON = "application/json";

  static ZeuesSystem system;

  /**
   * One malformed request and how it must be refused.
   *
   * @param mentions text the problem's {@code detail} or {@code errors} must contain: the field or
   *     the rule broken, so the client can tell what to fix
   */
  record Case(
      String name,
      String method,
      String path,
      @Nullable String contentType,
      byte[] body,
      Map<String, String> headers,
      int status,
      String code,
      String mentions) {

    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start() {
    system = ZeuesSystem.builder().processors(1).start();
    system.catalog(List.of(TAG));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  static Stream<Case> cases() {
    String batch51 =
        IntStream.rangeClosed(1, 51)
            .mapToObj(i -> "\"" + RUN + "-B" + i + "\"")
            .collect(Collectors.joining(","));
    return Stream.of(
        // Not JSON, or not the JSON we take.
        tomar("invalid JSON", "{\"tag_spool\":", 400, "JSON_INVALIDO", "JSON"),
        tomar("empty body", "", 400, "JSON_INVALIDO", "JSON"),
        tomar("JSON null", "null", 400, "JSON_INVALIDO", "JSON"),
        tomar("a JSON array", "[]", 400, "JSON_INVALIDO", "JSON"),
        tomar("a JSON string", "\"tomar\"", 400, "JSON_INVALIDO", "JSON"),
        tomar(
            "trailing garbage",
            body(TAG, "1", "\"Juan Pérez\"", "\"ARM\"") + " x",
            400,
            "JSON_INVALIDO",
            "JSON"),
        tomar(
            "duplicate key",
            "{\"tag_spool\":\""
                + RUN
                + "-OTRO\","
                + body(TAG, "1", "\"Juan Pérez\"", "\"ARM\"").substring(1),
            400,
            "JSON_INVALIDO",
            "JSON"),
        tomar(
            "5,000 nested arrays",
            "{\"extra\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
            400,
            "JSON_INVALIDO",
            "JSON"),
        new Case(
            "not UTF-8",
            "POST",
            "/api/occupation/tomar",
            JSON,
            new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
            Map.of(),
            400,
            "JSON_INVALIDO",
            "JSON"),
        // Missing fields.
        tomar(
            "no tag_spool",
            "{\"worker_id\":1,\"worker_nombre\":\"Juan Pérez\",\"operacion\":\"ARM\"}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        tomar(
            "no worker_id",
            "{\"tag_spool\":\""
                + TAG
                + "\",\"worker_nombre\":\"Juan Pérez\",\"operacion\":\"ARM\"}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        tomar(
            "no operacion",
            "{\"tag_spool\":\"" + TAG + "\",\"worker_id\":1,\"worker_nombre\":\"Juan Pérez\"}",
            400,
            "SOLICITUD_INVALIDA",
            "operacion"),
        tomar("empty object", "{}", 400, "SOLICITUD_INVALIDA", "tag_spool"),
        // Wrong types.
        tomar(
            "worker_id a word",
            body(TAG, "\"uno\"", "\"Juan Pérez\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        tomar(
            "worker_id a fraction",
            body(TAG, "1.5", "\"Juan Pérez\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        tomar(
            "worker_id a boolean",
            body(TAG, "true", "\"Juan Pérez\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        tomar(
            "worker_id past int",
            body(TAG, "99999999999", "\"Juan Pérez\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        tomar(
            "worker_id zero",
            body(TAG, "0", "\"Juan Pérez\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        tomar(
            "worker_id negative",
            body(TAG, "-5", "\"Juan Pérez\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        tomar(
            "tag_spool a number",
            "{\"tag_spool\":12345,\"worker_id\":1,\"worker_nombre\":\"Juan Pérez\",\"operacion\":\"ARM\"}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        tomar(
            "tag_spool a boolean",
            "{\"tag_spool\":true,\"worker_id\":1,\"worker_nombre\":\"Juan Pérez\",\"operacion\":\"ARM\"}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        tomar(
            "tag_spool an object",
            "{\"tag_spool\":{\"tag\":\"x\"},\"worker_id\":1,\"worker_nombre\":\"Juan Pérez\",\"operacion\":\"ARM\"}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        tomar(
            "operacion a list",
            body(TAG, "1", "\"Juan Pérez\"", "[\"ARM\"]"),
            400,
            "SOLICITUD_INVALIDA",
            "operacion"),
        // Values outside the contract.
        tomar(
            "unknown operacion",
            body(TAG, "1", "\"Juan Pérez\"", "\"PINTAR\""),
            400,
            "SOLICITUD_INVALIDA",
            "operacion"),
        tomar(
            "lower-case operacion",
            body(TAG, "1", "\"Juan Pérez\"", "\"arm\""),
            400,
            "SOLICITUD_INVALIDA",
            "operacion"),
        tomar(
            "empty tag_spool",
            body("", "1", "\"Juan Pérez\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        tomar(
            "tag_spool of 65 characters",
            body("A".repeat(65), "1", "\"Juan Pérez\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        tomar(
            "tag_spool with a space",
            body("MK 1", "1", "\"Juan Pérez\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        tomar(
            "tag_spool a path",
            body("../../etc/passwd", "1", "\"Juan Pérez\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        tomar(
            "name starting with a tab",
            body(TAG, "1", "\"\\tJuan\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "worker_nombre"),
        tomar(
            "name of 101 letters",
            body(TAG, "1", "\"" + "a".repeat(101) + "\"", "\"ARM\""),
            400,
            "SOLICITUD_INVALIDA",
            "worker_nombre"),
        tomar(
            "unknown worker",
            body(TAG, "999", "\"Juan Pérez\"", "\"ARM\""),
            404,
            "WORKER_NO_ENCONTRADO",
            "999"),
        tomar(
            "1 MB body",
            body("A".repeat(1_048_600), "1", "\"Juan Pérez\"", "\"ARM\""),
            413,
            "CUERPO_DEMASIADO_GRANDE",
            "1048576"),
        // Batches.
        batch("51 tags", "[" + batch51 + "]", 400, "SOLICITUD_INVALIDA", "tag_spools"),
        batch(
            "duplicate tags",
            "[\"" + TAG + "\",\"" + TAG + "\"]",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spools"),
        batch("no tags", "[]", 400, "SOLICITUD_INVALIDA", "tag_spools"),
        batch(
            "a bad tag among good ones",
            "[\"" + TAG + "\",\"no valido\"]",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spools[1]"),
        batch("tags as a string", "\"" + TAG + "\"", 400, "SOLICITUD_INVALIDA", "tag_spools"),
        // Other routes and headers.
        new Case(
            "completar date DD-MM-YYYY",
            "POST",
            "/api/occupation/completar",
            JSON,
            utf8(
                "{\"tag_spool\":\""
                    + TAG
                    + "\",\"worker_id\":1,\"worker_nombre\":\"Juan Pérez\",\"fecha_operacion\":\"27-11-2026\"}"),
            Map.of(),
            400,
            "SOLICITUD_INVALIDA",
            "fecha_operacion"),
        new Case(
            "completar on 30 February",
            "POST",
            "/api/occupation/completar",
            JSON,
            utf8(
                "{\"tag_spool\":\""
                    + TAG
                    + "\",\"worker_id\":1,\"worker_nombre\":\"Juan Pérez\",\"fecha_operacion\":\"2026-02-30\"}"),
            Map.of(),
            400,
            "SOLICITUD_INVALIDA",
            "fecha_operacion"),
        new Case(
            "cancelar unknown operacion",
            "POST",
            "/api/occupation/cancelar",
            JSON,
            utf8(body(TAG, "1", "\"Juan Pérez\"", "\"SOLDAR\"")),
            Map.of(),
            400,
            "SOLICITUD_INVALIDA",
            "operacion"),
        new Case(
            "pausar no worker_id",
            "POST",
            "/api/occupation/pausar",
            JSON,
            utf8("{\"tag_spool\":\"" + TAG + "\",\"worker_nombre\":\"Juan Pérez\"}"),
            Map.of(),
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        new Case(
            "Idempotency-Key of 201 characters",
            "POST",
            "/api/occupation/tomar",
            JSON,
            utf8(body(TAG, "1", "\"Juan Pérez\"", "\"ARM\"")),
            Map.of("Idempotency-Key", "k".repeat(201)),
            400,
            "SOLICITUD_INVALIDA",
            "Idempotency-Key"),
        new Case(
            "text/plain",
            "POST",
            "/api/occupation/tomar",
            "text/plain",
            utf8(body(TAG, "1", "\"Juan Pérez\"", "\"ARM\"")),
            Map.of(),
            415,
            "TIPO_CONTENIDO_NO_SOPORTADO",
            "text/plain"),
        new Case(
            "no content type",
            "POST",
            "/api/occupation/tomar",
            null,
            utf8(body(TAG, "1", "\"Juan Pérez\"", "\"ARM\"")),
            Map.of(),
            415,
            "TIPO_CONTENIDO_NO_SOPORTADO",
            "application/json"),
        new Case(
            "GET on a command route",
            "GET",
            "/api/occupation/tomar",
            null,
            new byte[0],
            Map.of(),
            405,
            "METODO_NO_PERMITIDO",
            "GET"),
        new Case(
            "unknown operation route",
            "POST",
            "/api/occupation/robar",
            JSON,
            utf8(body(TAG, "1", "\"Juan Pérez\"", "\"ARM\"")),
            Map.of(),
            404,
            "RUTA_NO_ENCONTRADA",
            "robar"),
        new Case(
            "status of a bad tag",
            "GET",
            "/api/occupation/status/MK%201",
            null,
            new byte[0],
            Map.of(),
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        new Case(
            "command id not a UUID",
            "GET",
            "/api/occupation/commands/" + TAG + "/no-es-uuid",
            null,
            new byte[0],
            Map.of(),
            400,
            "SOLICITUD_INVALIDA",
            "command_id"),
        new Case(
            "admin release without token",
            "POST",
            "/api/admin/occupation/" + TAG + "/release",
            JSON,
            utf8("{}"),
            Map.of(),
            401,
            "CREDENCIAL_REQUERIDA",
            "credencial"),
        new Case(
            "admin release with a wrong token",
            "POST",
            "/api/admin/occupation/" + TAG + "/release",
            JSON,
            utf8("{}"),
            Map.of("Authorization", "Bearer adivina"),
            401,
            "CREDENCIAL_INVALIDA",
            "credencial"),
        // Quality control routes.
        post(
            "metrologia without resultado",
            "/api/metrologia/completar",
            "{\"tag_spool\":\"" + TAG + "\",\"worker_id\":1}",
            400,
            "SOLICITUD_INVALIDA",
            "resultado"),
        post(
            "metrologia lower-case resultado",
            "/api/metrologia/completar",
            "{\"tag_spool\":\"" + TAG + "\",\"worker_id\":1,\"resultado\":\"aprobado\"}",
            400,
            "SOLICITUD_INVALIDA",
            "resultado"),
        post(
            "completar METROLOGIA without resultado",
            "/api/occupation/completar",
            "{\"tag_spool\":\"" + TAG + "\",\"worker_id\":1,\"operacion\":\"METROLOGIA\"}",
            400,
            "SOLICITUD_INVALIDA",
            "resultado"),
        post(
            "tomar-reparacion without worker_id",
            "/api/tomar-reparacion",
            "{\"tag_spool\":\"" + TAG + "\"}",
            400,
            "SOLICITUD_INVALIDA",
            "worker_id"),
        post(
            "cancelar-reparacion with a bad tag",
            "/api/cancelar-reparacion",
            "{\"tag_spool\":\"=1+1\",\"worker_id\":1}",
            400,
            "SOLICITUD_INVALIDA",
            "tag_spool"),
        new Case(
            "admin desbloquear without token",
            "POST",
            "/api/admin/spools/" + TAG + "/desbloquear",
            JSON,
            utf8("{\"motivo\":\"x\"}"),
            Map.of(),
            401,
            "CREDENCIAL_REQUERIDA",
            "credencial"),
        new Case(
            "admin desbloquear with a wrong token",
            "POST",
            "/api/admin/spools/" + TAG + "/desbloquear",
            JSON,
            utf8("{\"motivo\":\"x\"}"),
            Map.of("Authorization", "Bearer adivina"),
            401,
            "CREDENCIAL_INVALIDA",
            "credencial"));
  }

  /**
   * What the contract accepts although it looks odd: {@code worker_nombre} is informational (it may
   * be left out, and a formula-like text is not an error), the worker who acts is whoever {@code
   * worker_id} names in {@code Trabajadores}, and the text sent never reaches the log (so never a
   * sheet).
   */
  static Stream<Arguments> informationalNombres() {
    return Stream.of(
        Arguments.of("no worker_nombre", null, 1),
        Arguments.of("formula name =HYPERLINK", "=HYPERLINK(\"http://x\")", 2),
        Arguments.of("formula name +phone", "+56912345678", 3),
        Arguments.of("formula name @", "@SUM(A1)", 4),
        Arguments.of("formula name -", "-1+1", 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("informationalNombres")
  void workerNombreIsInformationalAndNeverReachesTheLog(
      String name, @Nullable String nombre, int spool) {
    String tag = RUN + "-NOMBRE-" + spool;
    system.catalog(List.of(tag));
    var body = new LinkedHashMap<String, Object>();
    body.put("tag_spool", tag);
    body.put("worker_id", 1);
    if (nombre != null) {
      body.put("worker_nombre", nombre);
    }
    body.put("operacion", "ARM");

    ZeuesSystem.Response response =
        system.post("/api/occupation/tomar", Tablets.JSON.writeValueAsString(body));

    assertThat(response.status()).as("%s: %s", name, response.body()).isEqualTo(200);
    assertThat(Tablets.json(response).path("message").asString())
        .isEqualTo("Spool " + tag + " tomado por " + Tablets.token(1));
    List<OccupationEvent> events = system.events(tag);
    assertThat(events).singleElement().isInstanceOf(OccupationEvent.SpoolTomado.class);
    assertThat(events.getFirst().worker()).isEqualTo(Tablets.catalogEntry(1).worker());
    if (nombre != null) {
      assertThat(new JsonCodec().writeString(events.getFirst())).doesNotContain(nombre);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedWithAProblemAndNothingPublished(Case bad) {
    Map<TopicPartition, Long> before = system.endOffsets(Topics.COMMANDS.name());

    HttpResponse<String> response = send(bad);

    assertProblem(bad, response);
    assertThat(system.endOffsets(Topics.COMMANDS.name()))
        .as("commands topic after %s", bad)
        .isEqualTo(before);
  }

  @Test
  void allAtOnceNothingPublished() {
    Map<TopicPartition, Long> before = system.endOffsets(Topics.COMMANDS.name());
    List<Case> all = cases().toList();
    List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      all.forEach(c -> calls.add(() -> send(c)));
    }

    List<HttpResponse<String>> responses = Tablets.atOnce(calls);

    for (int i = 0; i < responses.size(); i++) {
      assertProblem(all.get(i % all.size()), responses.get(i));
    }
    assertThat(system.endOffsets(Topics.COMMANDS.name())).isEqualTo(before);
    AuditChecks.assertVerifyClean(system);
    System.out.printf(
        "badHttpInput: %d cases, %d requests at once, answers %s%n",
        all.size(),
        responses.size(),
        responses.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting())));
  }

  static void assertProblem(Case bad, HttpResponse<String> response) {
    assertThat(response.statusCode())
        .as("status of %s: %s", bad, response.body())
        .isEqualTo(bad.status());
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as("content type of %s", bad)
        .startsWith("application/problem+json");
    JsonNode problem = Tablets.JSON.readTree(response.body());
    assertThat(problem.path("status").asInt())
        .as("status field of %s", bad)
        .isEqualTo(bad.status());
    assertThat(problem.path("title").asString()).as("title of %s", bad).isNotBlank();
    assertThat(problem.path("code").asString())
        .as("code of %s: %s", bad, response.body())
        .isEqualTo(bad.code());
    assertThat(problem.path("detail").asString() + " " + problem.path("errors"))
        .as("what %s names", bad)
        .contains(bad.mentions());
    assertThat(response.body())
        .as("no internals in the answer to %s", bad)
        .doesNotContain("Exception", "\tat ", "cl.zeues", "tools.jackson", "org.springframework");
  }

  static HttpResponse<String> send(Case bad) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(system.apiBase() + bad.path()))
            .timeout(Duration.ofSeconds(30))
            .method(bad.method(), HttpRequest.BodyPublishers.ofByteArray(bad.body()));
    if (bad.contentType() != null) {
      request.header("Content-Type", bad.contentType());
    }
    bad.headers().forEach(request::header);
    // Every case comes from an authenticated caller except the ones about the credential itself.
    if (!bad.headers().containsKey("Authorization") && !bad.name().contains("without token")) {
      request.header("Authorization", "Bearer " + ZeuesSystem.ADMIN_TOKEN);
    }
    try {
      return system.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(bad + " failed", e);
    }
  }

  static Case tomar(String name, String body, int status, String code, String mentions) {
    return new Case(
        name, "POST", "/api/occupation/tomar", JSON, utf8(body), Map.of(), status, code, mentions);
  }

  static Case post(
      String name, String path, String body, int status, String code, String mentions) {
    return new Case(name, "POST", path, JSON, utf8(body), Map.of(), status, code, mentions);
  }

  static Case batch(String name, String tags, int status, String code, String mentions) {
    String body =
        "{\"tag_spools\":"
            + tags
            + ",\"worker_id\":1,\"worker_nombre\":\"Juan Pérez\",\"operacion\":\"ARM\"}";
    return new Case(
        name,
        "POST",
        "/api/occupation/batch-tomar",
        JSON,
        utf8(body),
        Map.of(),
        status,
        code,
        mentions);
  }

  /** A TOMAR body with each value as raw JSON text, so a test can put any type there. */
  static String body(String tag, String workerId, String nombre, String operacion) {
    return "{\"tag_spool\":\""
        + tag
        + "\",\"worker_id\":"
        + workerId
        + ",\"worker_nombre\":"
        + nombre
        + ",\"operacion\":"
        + operacion
        + "}";
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
