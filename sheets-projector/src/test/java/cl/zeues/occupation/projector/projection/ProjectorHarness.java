package cl.zeues.occupation.projector.projection;

import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.projector.ProjectorApplication;
import cl.zeues.occupation.sheets.ColumnLayout;
import cl.zeues.occupation.sheets.HeaderNames;
import cl.zeues.occupation.sheets.MetadataChain;
import cl.zeues.occupation.sheets.MetadataRow;
import cl.zeues.occupation.sheets.OperacionesCells;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.SheetsEmulator;
import cl.zeues.occupation.sheetsemulator.grid.ValueRenderOption;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the projection ITs share: a sheets emulator seeded with a shop-shaped spreadsheet, a
 * producer for {@code occupation.events}, and projector contexts started and stopped at will.
 */
final class ProjectorHarness implements AutoCloseable {

  static final String SPREADSHEET = "projection-it";

  final SheetsEmulator emulator = new SheetsEmulator();
  private final String bootstrap;
  private final KafkaProducer<String, byte[]> producer;
  private final JsonCodec json = new JsonCodec();
  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  ProjectorHarness(String bootstrap, EmulatorConfig emulatorConfig) {
    this.bootstrap = bootstrap;
    emulator.start(emulatorConfig);
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  void seed(ShopSpreadsheet spreadsheet) {
    emulator.putSpreadsheet(SPREADSHEET, spreadsheet.sheets());
  }

  /** Starts a projector; the test settings favour short waits over production's quota caution. */
  ConfigurableApplicationContext startProjector(String... properties) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "spring.kafka.bootstrap-servers=" + bootstrap,
                "spring.main.web-application-type=none",
                "zeues.sheets.spreadsheet-id=" + SPREADSHEET,
                "zeues.sheets.root-url=" + emulator.rootUrl(),
                "zeues.sheets.request-timeout=5s",
                "zeues.catalog.scheduled=false",
                "logging.level.org.apache.kafka=warn",
                "logging.level.kafka=warn",
                "logging.level.org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils=error",
                "zeues.projection.max-wait=200ms",
                "zeues.projection.poll-timeout=50ms",
                "zeues.projection.lag-interval=200ms",
                "zeues.projection.backoff-initial=100ms",
                "zeues.projection.backoff-max=2s",
                "zeues.projection.drift-recheck-interval=200ms"));
    all.addAll(List.of(properties));
    ConfigurableApplicationContext context =
        ProjectorApplication.builder().properties(all.toArray(String[]::new)).run();
    contexts.add(context);
    return context;
  }

  static Health health(ConfigurableApplicationContext context) {
    return context.getBean("sheetsProjectionHealthIndicator", HealthIndicator.class).health();
  }

  static double counter(ConfigurableApplicationContext context, String name, String... tags) {
    MeterRegistry registry = context.getBean(MeterRegistry.class);
    return registry.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /** Waits until the projector's consumer group is stable with partitions assigned. */
  void awaitConsumerAssigned(String groupId) {
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap))) {
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(
              () -> {
                var group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
                return group.groupState() == org.apache.kafka.common.GroupState.STABLE
                    && group.members().stream()
                        .anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
              });
    }
  }

  void publish(Collection<? extends OccupationEvent> events) {
    for (OccupationEvent event : events) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(Topics.EVENTS.name(), event.tagSpool(), json.write(event));
      CloudEventHeaders.of(event).forEach((key, value) -> record.headers().add(key, value));
      producer.send(record);
    }
    producer.flush();
  }

  /** A sheet's rows as shown (formatted), each padded to {@code width} with empty strings. */
  @SuppressWarnings("unchecked")
  List<List<String>> rows(String sheet, int width) {
    Map<String, Object> document =
        emulator.spreadsheet(SPREADSHEET, ValueRenderOption.FORMATTED_VALUE).orElseThrow();
    List<List<Object>> rows = ((Map<String, List<List<Object>>>) document.get("sheets")).get(sheet);
    List<List<String>> shown = new ArrayList<>();
    for (List<Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < Math.max(width, row.size()); c++) {
        cells.add(c < row.size() && row.get(c) != null ? row.get(c).toString() : "");
      }
      shown.add(cells);
    }
    return shown;
  }

  /** Rows of {@code sheet} as seeded, padded the same way. */
  static List<List<String>> seeded(ShopSpreadsheet spreadsheet, String sheet, int width) {
    List<List<String>> shown = new ArrayList<>();
    for (List<Object> row : spreadsheet.sheets().get(sheet)) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < Math.max(width, row.size()); c++) {
        cells.add(c < row.size() && row.get(c) != null ? row.get(c).toString() : "");
      }
      shown.add(cells);
    }
    return shown;
  }

  /** The owned cells of {@code tag}'s first row, as shown, by header name. */
  Map<String, String> ownedCells(String tag) {
    List<String> headers = ShopSpreadsheet.OPERACIONES_HEADERS;
    List<String> row =
        rows("Operaciones", headers.size()).stream()
            .filter(r -> r.get(headers.indexOf("TAG_SPOOL")).equals(tag))
            .findFirst()
            .orElseThrow();
    Map<String, String> cells = new java.util.LinkedHashMap<>();
    OperacionesCells.OWNED.forEach(column -> cells.put(column, row.get(column(column))));
    return cells;
  }

  /**
   * The 0-based {@code Operaciones} column of {@code header}, matched normalized as the projector
   * matches it ({@code Fecha_QC_Metrologia} is the sheet's {@code Fecha_QC_Metrología}).
   */
  static int column(String header) {
    return HeaderNames.of(ShopSpreadsheet.OPERACIONES_HEADERS).indexOf(header).orElseThrow();
  }

  /** The owned cells a state should show, as shown. */
  static Map<String, String> expectedCells(cl.zeues.occupation.domain.SpoolState state) {
    Map<String, String> cells = new java.util.LinkedHashMap<>();
    OperacionesCells.of(state).forEach((column, value) -> cells.put(column, value.toString()));
    return cells;
  }

  /**
   * The {@code Metadata} hash chain as stored (unformatted values, as the audit tool reads them),
   * recomputed from the top.
   */
  @SuppressWarnings("unchecked")
  MetadataChain.Check metadataChain() {
    Map<String, Object> document =
        emulator.spreadsheet(SPREADSHEET, ValueRenderOption.UNFORMATTED_VALUE).orElseThrow();
    List<List<Object>> rows =
        ((Map<String, List<List<Object>>>) document.get("sheets")).get("Metadata");
    ColumnLayout layout = ColumnLayout.of("Metadata", rows.get(0), MetadataRow.COLUMNS);
    List<MetadataChain.SheetRow> sheet = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      sheet.add(new MetadataChain.SheetRow(i + 1, layout.byHeader(rows.get(i))));
    }
    return MetadataChain.check(sheet, 100);
  }

  /** The {@code ID} column of {@code Metadata}, header excluded. */
  List<String> metadataIds() {
    return rows("Metadata", 11).stream().skip(1).map(row -> row.get(0)).toList();
  }

  void stopProjector(ConfigurableApplicationContext context) {
    context.close();
    contexts.remove(context);
  }

  @Override
  public void close() {
    contexts.forEach(ConfigurableApplicationContext::close);
    contexts.clear();
    producer.close();
    emulator.stop();
  }
}
