package cl.zeues.occupation.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./zeues run} as a person uses it: the built exec jar started as its own process on free
 * ports with a fresh data folder and a Redis database of its own, the README's walk-through over
 * HTTP, the spool seen occupied in the emulator's sheet; then stopped with SIGTERM (what Ctrl-C
 * sends the JVM's hooks) and started again on the same data folder, where the state, the sheet and
 * the event log must have survived and the version sequence continue.
 */
@Timeout(600)
class LocalStackIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Pattern STATUS_LINE = Pattern.compile("/api/occupation/status/(\\S+)");
  static final Pattern TABLET_TOKEN = Pattern.compile("Tablet token +(\\S+)");

  /** The tablet credential the welcome text printed: the walk-through runs with it. */
  private String tabletToken = "";

  @TempDir Path data;

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  final List<Process> processes = new ArrayList<>();
  final int[] ports = freePorts(6);
  final String redisUrl = redisUrl();

  @AfterEach
  void stopAll() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void runsTheWalkThroughAndResumesFromTheSameDataFolder() throws Exception {
    Path firstLog = Path.of("target", "local-stack-it-first.log").toAbsolutePath();
    long started = System.nanoTime();
    Process first = start(firstLog);
    String welcome = awaitUp(first, firstLog);
    System.out.printf(
        "LocalStackIT: first start up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    Matcher tagMatch = STATUS_LINE.matcher(welcome);
    assertThat(tagMatch.find()).as("the welcome text names the walk-through spool").isTrue();
    String tag = tagMatch.group(1);
    Matcher tokenMatch = TABLET_TOKEN.matcher(welcome);
    assertThat(tokenMatch.find()).as("the welcome text prints a tablet token").isTrue();
    tabletToken = tokenMatch.group(1);
    assertThat(welcome)
        .contains("http://127.0.0.1:" + apiPort() + "/swagger-ui.html")
        .contains("http://127.0.0.1:" + sheetsPort() + "/")
        .contains("(new)");

    // The walk-through.
    assertThat(post("tomar", tag, 94, "Juan Perez", "ARM").statusCode()).isEqualTo(200);
    HttpResponse<String> refused = post("tomar", tag, 12, "Ana Bravo", "ARM");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("SPOOL_OCCUPIED");
    assertThat(post("pausar", tag, 94, "Juan Perez", null).statusCode()).isEqualTo(200);
    HttpResponse<String> resumed = post("tomar", tag, 12, "Ana Bravo", "ARM");
    assertThat(resumed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(resumed.body()).path("version").asInt()).isEqualTo(3);
    assertOccupiedByAnaAtVersion3(tag);

    // The seeding (a few hundred commands for 200 spools) ends before the stop.
    Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Files.readString(firstLog).contains("seeded: "));
    assertThat(Files.readString(firstLog)).contains("seeded: ").contains("(0 refused)");
    List<OccupationEvent> eventsBefore = events();
    assertThat(eventsBefore).hasSizeGreaterThan(100);
    assertThat(eventsBefore.stream().filter(e -> e.tagSpool().equals(tag))).hasSize(3);

    stop(first, firstLog);

    Path secondLog = Path.of("target", "local-stack-it-second.log").toAbsolutePath();
    started = System.nanoTime();
    Process second = start(secondLog);
    String again = awaitUp(second, secondLog);
    System.out.printf(
        "LocalStackIT: second start up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertThat(again).contains("resumed").contains("/api/occupation/status/" + tag);
    assertThat(Files.readString(secondLog))
        .doesNotContain("seeding the shop")
        .doesNotContain("emptied Redis");

    assertOccupiedByAnaAtVersion3(tag);
    HttpResponse<String> completed = post("completar", tag, 12, "Ana Bravo", null);
    assertThat(completed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(completed.body()).path("version").asInt()).isEqualTo(4);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(operacionesRow(tag))
                    .containsEntry("Ocupado_Por", "")
                    .containsEntry("Armador", "JP(94)")
                    .containsEntry("version", "4"));
    List<OccupationEvent> eventsAfter = events();
    assertThat(eventsAfter.stream().map(OccupationEvent::eventId).toList())
        .containsAll(eventsBefore.stream().map(OccupationEvent::eventId).toList());
    assertThat(eventsAfter.stream().filter(e -> e.tagSpool().equals(tag))).hasSize(4);

    stop(second, secondLog);
  }

  private void assertOccupiedByAnaAtVersion3(String tag) throws Exception {
    JsonNode status = JSON.readTree(get("/api/occupation/status/" + tag).body());
    assertThat(status.path("ocupado").asBoolean()).isTrue();
    assertThat(status.path("ocupado_por").asString()).isEqualTo("AB(12)");
    assertThat(status.path("version").asInt()).isEqualTo(3);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(operacionesRow(tag))
                    .containsEntry("Ocupado_Por", "AB(12)")
                    .containsEntry("Armador", "JP(94)")
                    .containsEntry("version", "3"));
  }

  private Process start(Path log) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                execJar().toString(),
                "--api-port=" + apiPort(),
                "--processor-port=" + ports[1],
                "--projector-port=" + ports[2],
                "--sheets-port=" + sheetsPort(),
                "--kafka-port=" + kafkaPort(),
                "--controller-port=" + ports[5],
                "--data-dir=" + data,
                "--redis-url=" + redisUrl,
                "--spools=200"));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.add(process);
    return process;
  }

  private static String awaitUp(Process process, Path log) throws IOException {
    Awaitility.await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError("the stack exited:\n" + Files.readString(log));
              }
              return Files.readString(log).contains("Ctrl-C stops everything");
            });
    String text = Files.readString(log);
    return text.substring(text.indexOf("ZEUES Occupation is up"));
  }

  /** SIGTERM, as Ctrl-C reaches the JVM's shutdown hooks; everything must stop in order. */
  private static void stop(Process process, Path log) throws Exception {
    long started = System.nanoTime();
    process.destroy();
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
    System.out.printf(
        "LocalStackIT: stopped in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertThat(Files.readString(log)).contains("zeues: stopped in");
  }

  private HttpResponse<String> post(
      String action, String tag, int worker, String nombre, String operacion) throws Exception {
    String body =
        "{\"tag_spool\":\""
            + tag
            + "\",\"worker_id\":"
            + worker
            + ",\"worker_nombre\":\""
            + nombre
            + "\""
            + (operacion == null ? "" : ",\"operacion\":\"" + operacion + "\"")
            + "}";
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + apiPort() + "/api/occupation/" + action))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + tabletToken)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + tabletToken)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The spool's {@code Operaciones} row, header -> value, read through the Sheets v4 API. */
  private Map<String, String> operacionesRow(String tag) throws Exception {
    String url =
        "http://127.0.0.1:"
            + sheetsPort()
            + "/v4/spreadsheets/"
            + LocalStack.SPREADSHEET
            + "/values/"
            + URLEncoder.encode("Operaciones", StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode rows = JSON.readTree(response.body()).path("values");
    JsonNode header = rows.get(0);
    int tagColumn = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).asString().equals("TAG_SPOOL")) {
        tagColumn = i;
      }
    }
    for (JsonNode row : rows) {
      if (row.size() > tagColumn && row.get(tagColumn).asString().equals(tag)) {
        Map<String, String> byHeader = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          byHeader.put(header.get(i).asString(), i < row.size() ? row.get(i).asString() : "");
        }
        return byHeader;
      }
    }
    throw new AssertionError(tag + " is not in Operaciones");
  }

  /** Every committed event in the log, read_committed, from offset 0. */
  private List<OccupationEvent> events() {
    JsonCodec codec = new JsonCodec();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.EVENTS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<OccupationEvent> events = new ArrayList<>();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollDelay(Duration.ZERO)
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(r -> events.add(codec.read(r.value(), OccupationEvent.class)));
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
              });
      return events;
    }
  }

  private static Path execJar() throws IOException {
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(Path.of("target"), "local-stack-*-exec.jar")) {
      for (Path jar : jars) {
        return jar.toAbsolutePath();
      }
    }
    throw new IllegalStateException("no target/local-stack-*-exec.jar: run mvn verify (package)");
  }

  /** A database of its own (11) on the Redis of REDIS_URL, else 127.0.0.1:6379. */
  private static String redisUrl() {
    String base = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
    Matcher server = Pattern.compile("(rediss?://[^/?]+)").matcher(base);
    return (server.find() ? server.group(1) : "redis://127.0.0.1:6379") + "/11";
  }

  private static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a probe socket
        }
      }
    }
  }

  private int apiPort() {
    return ports[0];
  }

  private int sheetsPort() {
    return ports[3];
  }

  private int kafkaPort() {
    return ports[4];
  }
}
