package cl.zeues.occupation.projector.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.projector.ProjectorApplication;
import cl.zeues.occupation.projector.catalog.ImportSummary.Outcome;
import cl.zeues.occupation.projector.catalog.kafka.KafkaPublishedCatalog;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.SheetsEmulator;
import cl.zeues.occupation.sheetsemulator.faults.FaultSettings;
import cl.zeues.occupation.sheetsemulator.grid.Cell;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The import through the real Sheets client against the sheets emulator, publishing to a real
 * (embedded, KRaft) broker. The tests share one spreadsheet and one importer, as production does:
 * each adds and removes only its own spools and workers, then runs an import.
 */
@SpringBootTest(
    classes = ProjectorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      ProjectorApplication.CONFIG_NAME,
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "zeues.sheets.spreadsheet-id=" + CatalogImportIT.SPREADSHEET,
      "zeues.catalog.scheduled=false",
      "zeues.catalog.import-token=" + CatalogImportIT.SERVICE_TOKEN
    })
@EmbeddedKafka(partitions = 1)
class CatalogImportIT {

  static final String SERVICE_TOKEN = "it-service-token-5b1e0c9d";
  static final String SPREADSHEET = "catalog-import-it";
  static final SheetsEmulator EMULATOR = new SheetsEmulator();
  static final List<List<Object>> OPERACIONES = new ArrayList<>();
  static final List<List<Object>> TRABAJADORES = new ArrayList<>();
  static final List<List<Object>> ROLES = new ArrayList<>();

  static {
    EMULATOR.start(EmulatorConfig.defaults());
    OPERACIONES.add(new ArrayList<>(ShopSpreadsheet.OPERACIONES_HEADERS));
    TRABAJADORES.add(List.of("Id", "Nombre", "Apellido", "Activo"));
    ROLES.add(List.of("Id", "Rol", "Activo"));
    putSheet();
  }

  @DynamicPropertySource
  static void emulator(DynamicPropertyRegistry registry) {
    registry.add("zeues.sheets.root-url", EMULATOR::rootUrl);
  }

  @AfterAll
  static void stopEmulator() {
    EMULATOR.stop();
  }

  @Autowired CatalogImporter importer;
  @Autowired CatalogSheets catalogSheets;

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  @LocalServerPort int port;

  final JsonCodec codec = new JsonCodec();

  @Test
  void seededSheetLandsInTheCatalogTopics() {
    addSpool("IT-SEED-1", "01-10-2026");
    addSpool("IT-SEED-2", new BigDecimal("46155.4818"));
    addSpool("IT-SEED-3", "13/05/2026");
    addSpool("IT-SEED-4", "");
    addWorker(9101, "Juan Andrés", "Pérez Soto", true, "Armador", "Soldador");
    putSheet();
    assertThat(spoolCellOf("IT-SEED-2")).isInstanceOf(Cell.Numeric.class);

    ImportSummary summary = importer.importNow();

    assertThat(summary.outcome()).isEqualTo(Outcome.SUCCESS);
    LocalDate may13 = LocalDate.of(2026, 5, 13);
    assertThat(latestSpool("IT-SEED-1"))
        .contains(new SpoolCatalogEntry("IT-SEED-1", LocalDate.of(2026, 10, 1)));
    assertThat(latestSpool("IT-SEED-2")).contains(new SpoolCatalogEntry("IT-SEED-2", may13));
    assertThat(latestSpool("IT-SEED-3")).contains(new SpoolCatalogEntry("IT-SEED-3", may13));
    assertThat(latestSpool("IT-SEED-4")).contains(new SpoolCatalogEntry("IT-SEED-4", null));
    assertThat(latestWorker(9101))
        .contains(
            new WorkerCatalogEntry(
                9101, "Juan Andrés", "Pérez Soto", true, List.of("Armador", "Soldador")));
  }

  @Test
  void spoolAddedToTheSheetAppearsOnTheNextRun() {
    addSpool("IT-ADD-1", "01-10-2026");
    putSheet();
    importer.importNow();
    assertThat(latestSpool("IT-ADD-2")).isEmpty();

    addSpool("IT-ADD-2", "02-10-2026");
    putSheet();
    ImportSummary next = importer.importNow();

    assertThat(next.spools().upserts()).isEqualTo(1);
    assertThat(latestSpool("IT-ADD-2"))
        .contains(new SpoolCatalogEntry("IT-ADD-2", LocalDate.of(2026, 10, 2)));
  }

  @Test
  void duplicatedTagFirstRowWins() {
    addSpool("IT-DUP-1", "01-10-2026");
    addSpool("IT-DUP-1", "09-10-2026");
    putSheet();

    importer.importNow();

    assertThat(latestSpool("IT-DUP-1"))
        .contains(new SpoolCatalogEntry("IT-DUP-1", LocalDate.of(2026, 10, 1)));
    assertThat(records(Topics.SPOOL_CATALOG.name(), "IT-DUP-1")).hasSize(1);
  }

  @Test
  void unchangedSheetRepublishesNothing() {
    addSpool("IT-SAME-1", "01-10-2026");
    addWorker(9201, "Ana", "Soto", true, "Armador");
    putSheet();
    importer.importNow();

    ImportSummary second = importer.importNow();

    assertThat(second.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(second.spools().upserts()).isZero();
    assertThat(second.workers().upserts()).isZero();
    assertThat(records(Topics.SPOOL_CATALOG.name(), "IT-SAME-1")).hasSize(1);
    assertThat(records(Topics.WORKER_CATALOG.name(), "9201")).hasSize(1);
  }

  @Test
  void restartedImporterReadsTheTopicsAndRepublishesNothing() {
    addSpool("IT-RESTART-1", "01-10-2026");
    addWorker(9301, "Luis", "Rojas", true, "Soldador");
    putSheet();
    importer.importNow();

    ImportSummary afterRestart;
    try (KafkaPublishedCatalog topics = freshTopicsClient()) {
      afterRestart =
          new CatalogImporter(
                  catalogSheets,
                  topics,
                  new CatalogImporter.SheetNames("Operaciones", "Trabajadores", "Roles"),
                  0.5,
                  new SimpleMeterRegistry(),
                  Clock.systemUTC())
              .importNow();
    }

    assertThat(afterRestart.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(afterRestart.spools().upserts()).isZero();
    assertThat(afterRestart.spools().tombstones()).isZero();
    assertThat(afterRestart.workers().upserts()).isZero();
    assertThat(records(Topics.SPOOL_CATALOG.name(), "IT-RESTART-1")).hasSize(1);
  }

  @Test
  void spoolRemovedFromTheSheetIsTombstoned() {
    addSpool("IT-GONE-1", "01-10-2026");
    addSpool("IT-GONE-2", "01-10-2026");
    addSpool("IT-GONE-3", "01-10-2026");
    putSheet();
    importer.importNow();

    OPERACIONES.removeIf(row -> "IT-GONE-2".equals(row.get(tagColumn())));
    putSheet();
    ImportSummary summary = importer.importNow();

    assertThat(summary.spools().tombstones()).isEqualTo(1);
    List<byte @Nullable []> values = records(Topics.SPOOL_CATALOG.name(), "IT-GONE-2");
    assertThat(values).hasSize(2);
    assertThat(values.getLast()).isNull();
    assertThat(latestSpool("IT-GONE-1")).isPresent();
  }

  @Test
  void inactiveWorkerIsPublishedAsInactive() {
    addWorker(9401, "Pedro", "Díaz", false, "Armador");
    TRABAJADORES.add(List.of(new BigDecimal("9402.0"), "Marta", "Vera", "No"));
    putSheet();

    importer.importNow();

    assertThat(latestWorker(9401))
        .contains(new WorkerCatalogEntry(9401, "Pedro", "Díaz", false, List.of("Armador")));
    assertThat(latestWorker(9402))
        .contains(new WorkerCatalogEntry(9402, "Marta", "Vera", false, List.of()));
  }

  @Test
  void missingHeaderRemovesNothingAndHealthIsDownUntilFixed() throws Exception {
    addSpool("IT-HDR-1", "01-10-2026");
    putSheet();
    importer.importNow();
    assertThat(health().statusCode()).isEqualTo(200);
    long endBefore = endOffsets(Topics.SPOOL_CATALOG.name());

    int dateColumn = ShopSpreadsheet.OPERACIONES_HEADERS.indexOf("Fecha_Materiales");
    OPERACIONES.getFirst().set(dateColumn, "Fecha Llegada Materiales");
    try {
      putSheet();
      ImportSummary broken = importer.importNow();

      assertThat(broken.outcome()).isEqualTo(Outcome.PARTIAL);
      assertThat(broken.problems())
          .singleElement()
          .asString()
          .contains("'Operaciones'", "'Fecha_Materiales'");
      assertThat(endOffsets(Topics.SPOOL_CATALOG.name())).isEqualTo(endBefore);
      HttpResponse<String> down = health();
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"DOWN\"", "Fecha_Materiales");
    } finally {
      OPERACIONES.getFirst().set(dateColumn, "Fecha_Materiales");
      putSheet();
    }

    assertThat(importer.importNow().outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(health().statusCode()).isEqualTo(200);
    assertThat(latestSpool("IT-HDR-1")).isPresent();
  }

  @Test
  void sheetsErrorsFailTheRunCleanlyAndTheNextRunRetries() throws Exception {
    addSpool("IT-ERR-1", "01-10-2026");
    putSheet();
    try {
      EMULATOR.updateFaults(f -> f.withServerErrorRate(1.0));
      ImportSummary unavailable = importer.importNow();
      EMULATOR.updateFaults(f -> f.withServerErrorRate(0).withReadsPerMinute(1));
      EMULATOR.resetStats();
      importer.importNow();
      ImportSummary limited = importer.importNow();

      assertThat(unavailable.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(unavailable.problems()).singleElement().asString().contains("503");
      assertThat(limited.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(limited.problems()).singleElement().asString().contains("429");
      assertThat(health().statusCode()).isEqualTo(503);
    } finally {
      EMULATOR.faults(FaultSettings.defaults());
      EMULATOR.resetStats();
    }

    assertThat(importer.importNow().outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(latestSpool("IT-ERR-1")).isPresent();
  }

  @Test
  void importOnDemandOverHttpAnswersTheSummary() throws Exception {
    addSpool("IT-HTTP-1", "01-10-2026");
    putSheet();

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/catalog/import"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"outcome\":\"SUCCESS\"", "\"upserts\":1");
    assertThat(latestSpool("IT-HTTP-1")).isPresent();
  }

  @Test
  void importOnDemandFromAnotherHostIsForbiddenAndImportsNothing() throws Exception {
    InetAddress external = externalAddress();
    Assumptions.assumeTrue(external != null, "no non-loopback IPv4 address on this machine");
    addSpool("IT-REMOTE-1", "01-10-2026");
    putSheet();

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://"
                                + external.getHostAddress()
                                + ":"
                                + port
                                + "/api/catalog/import"))
                    .header("X-Forwarded-For", "127.0.0.1")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"code\":\"IMPORTACION_SOLO_LOCAL\"");
    assertThat(latestSpool("IT-REMOTE-1")).isEmpty();
  }

  @Test
  void theApiMayAskFromAnotherHostWithTheServiceTokenForTheSupervisorItNames() throws Exception {
    InetAddress external = externalAddress();
    Assumptions.assumeTrue(external != null, "no non-loopback IPv4 address on this machine");
    addSpool("IT-API-1", "01-10-2026");
    putSheet();
    URI importRoute =
        URI.create("http://" + external.getHostAddress() + ":" + port + "/api/catalog/import");

    HttpResponse<String> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(importRoute)
                    .header("Authorization", "Bearer not-the-" + SERVICE_TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(latestSpool("IT-API-1")).isEmpty();

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(importRoute)
                    .header("Authorization", "Bearer " + SERVICE_TOKEN)
                    .header("X-Zeues-Actor", "Ana+Supervisora+%28SUPERVISOR+7f3c%29")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"outcome\":\"SUCCESS\"");
    assertThat(latestSpool("IT-API-1")).isPresent();
  }

  /** This machine's own non-loopback address stands for another host: the peer is not loopback. */
  private static @Nullable InetAddress externalAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(nic -> isUp(nic) && !isLoopback(nic))
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst()
        .orElse(null);
  }

  private static boolean isUp(NetworkInterface nic) {
    try {
      return nic.isUp();
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean isLoopback(NetworkInterface nic) {
    try {
      return nic.isLoopback();
    } catch (SocketException e) {
      return true;
    }
  }

  // --- the sheet ---

  static void putSheet() {
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put("Operaciones", OPERACIONES);
    sheets.put("Metadata", List.of(new ArrayList<>(ShopSpreadsheet.METADATA_HEADERS)));
    sheets.put("Trabajadores", TRABAJADORES);
    sheets.put("Roles", ROLES);
    EMULATOR.putSpreadsheet(SPREADSHEET, sheets);
  }

  static void addSpool(String tag, Object fechaMateriales) {
    OPERACIONES.add(
        new ArrayList<>(
            new ShopSpreadsheet().spool(tag, fechaMateriales).sheets().get("Operaciones").get(1)));
  }

  static void addWorker(int id, String nombre, String apellido, boolean activo, String... roles) {
    TRABAJADORES.add(List.of(id, nombre, apellido, activo));
    for (String rol : roles) {
      ROLES.add(List.of(id, rol, "TRUE"));
    }
  }

  static int tagColumn() {
    return ShopSpreadsheet.OPERACIONES_HEADERS.indexOf("TAG_SPOOL");
  }

  static Cell spoolCellOf(String tag) {
    int row = 0;
    while (!tag.equals(OPERACIONES.get(row).get(tagColumn()))) {
      row++;
    }
    String column =
        cl.zeues.occupation.sheets.HeaderNames.letters(
            ShopSpreadsheet.OPERACIONES_HEADERS.indexOf("Fecha_Materiales"));
    return EMULATOR.cell(SPREADSHEET, "Operaciones!" + column + (row + 1)).orElseThrow();
  }

  // --- the topics ---

  Optional<SpoolCatalogEntry> latestSpool(String tag) {
    List<byte @Nullable []> values = records(Topics.SPOOL_CATALOG.name(), tag);
    byte[] last = values.isEmpty() ? null : values.getLast();
    return Optional.ofNullable(last).map(v -> codec.read(v, SpoolCatalogEntry.class));
  }

  Optional<WorkerCatalogEntry> latestWorker(int id) {
    List<byte @Nullable []> values = records(Topics.WORKER_CATALOG.name(), String.valueOf(id));
    byte[] last = values.isEmpty() ? null : values.getLast();
    return Optional.ofNullable(last).map(v -> codec.read(v, WorkerCatalogEntry.class));
  }

  /** Every value ever published under {@code key}, oldest first (null for a tombstone). */
  List<byte @Nullable []> records(String topic, String key) {
    List<byte @Nullable []> values = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (key.equals(record.key())) {
            values.add(record.value());
          }
        }
      }
    }
    return values;
  }

  long endOffsets(String topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  KafkaConsumer<String, byte[]> consumer() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  KafkaPublishedCatalog freshTopicsClient() {
    Properties producer = new Properties();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    return new KafkaPublishedCatalog(
        new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer()),
        this::consumer,
        codec,
        Duration.ofSeconds(10));
  }

  HttpResponse<String> health() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/catalogImport"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
