package cl.zeues.occupation.projector.projection;

import static cl.zeues.occupation.sheets.ShopSpreadsheet.OPERACIONES_HEADERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.sheets.EventScript;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 6, topics = "occupation.events")
class SheetsProjectorIT {

  static final Worker JUAN = Worker.of(94, "Juan Perez");
  static final Worker MARIA = Worker.of(7, "Maria Soto");
  static final Worker PEDRO = Worker.of(12, "Pedro Rojas");

  /** 09:00 in Santiago (UTC-3 in March). */
  static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

  static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);

  private static ProjectorHarness harness;

  @BeforeAll
  static void start() {
    harness =
        new ProjectorHarness(
            EmbeddedKafkaCondition.getBroker().getBrokersAsString(), EmulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void tenSpoolScenarioLandsCellByCellAndLeavesEveryOtherColumnAlone() {
    ShopSpreadsheet shop = new ShopSpreadsheet();
    for (int i = 1; i <= 11; i++) {
      shop.spool(tag(i), "05-01-2026");
    }
    shop.spool(tag(1), "05-01-2026"); // a duplicated TAG row: the first one wins
    harness.seed(shop);
    assertThat(Topics.EVENTS.name()).isEqualTo("occupation.events");

    EventScript script = new EventScript(10);
    script.tomar(tag(1), JUAN, Operacion.ARM, at(0));
    script.tomar(tag(2), JUAN, Operacion.ARM, at(0));
    script.pausar(tag(2), at(1));
    script.tomar(tag(3), JUAN, Operacion.ARM, at(0));
    script.pausar(tag(3), at(1));
    script.tomar(tag(3), MARIA, Operacion.ARM, at(2));
    script.tomar(tag(4), JUAN, Operacion.ARM, at(0));
    script.completar(tag(4), at(3), MARCH_10);
    script.tomar(tag(5), JUAN, Operacion.ARM, at(0));
    script.completar(tag(5), at(1), MARCH_10);
    script.tomar(tag(5), MARIA, Operacion.SOLD, at(4));
    script.completar(tag(5), at(5), MARCH_10);
    script.tomar(tag(6), JUAN, Operacion.ARM, at(0));
    script.cancelar(tag(6), at(1));
    script.tomar(tag(7), JUAN, Operacion.ARM, at(0));
    script.liberar(tag(7), at(1), "supervisor(1)", "se fue a casa");
    script.tomar(tag(8), PEDRO, Operacion.ARM, at(0));
    script.expirar(tag(8), at(12));
    script.tomar(tag(9), JUAN, Operacion.ARM, at(0));
    script.completar(tag(9), at(1), MARCH_10);
    script.tomar(tag(9), PEDRO, Operacion.SOLD, at(6));
    script.tomar(tag(10), MARIA, Operacion.ARM, at(0));
    script.pausar(tag(10), at(1));
    script.tomar(tag(10), MARIA, Operacion.ARM, at(2));
    // 23:30 on the 10th in Santiago, already the 11th in UTC.
    script.completar(tag(10), Instant.parse("2026-03-11T02:30:00Z"), MARCH_10);
    List<OccupationEvent> events = script.events();

    ConfigurableApplicationContext projector = harness.startProjector();
    harness.publish(events);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(harness.metadataIds()).hasSize(events.size()));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(ProjectorHarness.health(projector).getDetails())
                    .containsEntry("lag", 0L));

    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    expected.put(
        tag(1),
        owned(
            "JP(94)",
            "10-03-2026 09:00:00",
            "JP(94)",
            "",
            "",
            "",
            "JP(94) trabajando ARM (ARM en progreso, SOLD pendiente)",
            "1"));
    expected.put(
        tag(2),
        owned("", "", "JP(94)", "", "", "", "Disponible - ARM pausado, SOLD pendiente", "2"));
    expected.put(
        tag(3),
        owned(
            "MS(7)",
            "10-03-2026 11:00:00",
            "JP(94)",
            "",
            "",
            "",
            "MS(7) trabajando ARM (ARM en progreso, SOLD pendiente)",
            "3"));
    expected.put(
        tag(4),
        owned(
            "",
            "",
            "JP(94)",
            "",
            "10-03-2026",
            "",
            "Disponible - ARM completado, SOLD pendiente",
            "2"));
    expected.put(
        tag(5),
        owned(
            "",
            "",
            "JP(94)",
            "MS(7)",
            "10-03-2026",
            "10-03-2026",
            "Disponible - ARM completado, SOLD completado",
            "4"));
    expected.put(
        tag(6), owned("", "", "", "", "", "", "Disponible - ARM pendiente, SOLD pendiente", "2"));
    expected.put(
        tag(7),
        owned("", "", "JP(94)", "", "", "", "Disponible - ARM pausado, SOLD pendiente", "2"));
    expected.put(
        tag(8),
        owned("", "", "PR(12)", "", "", "", "Disponible - ARM pausado, SOLD pendiente", "2"));
    expected.put(
        tag(9),
        owned(
            "PR(12)",
            "10-03-2026 15:00:00",
            "JP(94)",
            "PR(12)",
            "10-03-2026",
            "",
            "PR(12) trabajando SOLD (ARM completado, SOLD en progreso)",
            "3"));
    expected.put(
        tag(10),
        owned(
            "",
            "",
            "MS(7)",
            "",
            "10-03-2026",
            "",
            "Disponible - ARM completado, SOLD pendiente",
            "4"));

    int width = OPERACIONES_HEADERS.size();
    List<List<String>> seeded = ProjectorHarness.seeded(shop, "Operaciones", width);
    List<List<String>> actual = harness.rows("Operaciones", width);
    assertThat(actual).hasSameSizeAs(seeded);
    assertThat(actual.get(0)).isEqualTo(seeded.get(0));
    for (int row = 1; row < seeded.size(); row++) {
      List<String> want = new ArrayList<>(seeded.get(row));
      String tag = want.get(OPERACIONES_HEADERS.indexOf("TAG_SPOOL"));
      boolean firstOfTag = seeded.subList(1, row).stream().noneMatch(r -> r.contains(tag));
      if (firstOfTag && expected.containsKey(tag)) {
        expected
            .get(tag)
            .forEach((column, value) -> want.set(ProjectorHarness.column(column), value));
      }
      assertThat(actual.get(row)).as("row %d (%s)", row + 1, tag).isEqualTo(want);
    }

    List<List<String>> metadata = harness.rows("Metadata", 11);
    assertThat(metadata.get(0)).containsExactlyElementsOf(ShopSpreadsheet.METADATA_HEADERS);
    assertThat(metadata.stream().skip(1).map(r -> r.get(0)))
        .containsExactlyInAnyOrderElementsOf(
            events.stream().map(e -> e.eventId().toString()).toList());
    Map<String, List<String>> byId = new LinkedHashMap<>();
    metadata.stream().skip(1).forEach(r -> byId.put(r.get(0), r));
    // Per spool, the audit rows keep log order.
    for (int i = 1; i <= 10; i++) {
      String tag = tag(i);
      List<String> ids =
          events.stream()
              .filter(e -> e.tagSpool().equals(tag))
              .map(e -> e.eventId().toString())
              .toList();
      assertThat(metadata.stream().skip(1).map(r -> r.get(0)).filter(ids::contains).toList())
          .isEqualTo(ids);
    }
    OccupationEvent liberar =
        events.stream()
            .filter(e -> e instanceof OccupationEvent.OcupacionLiberada)
            .findFirst()
            .orElseThrow();
    List<String> row = byId.get(liberar.eventId().toString());
    assertThat(row.subList(1, 9))
        .containsExactly(
            "10-03-2026 10:00:00",
            "LIBERAR_ADMIN",
            tag(7),
            "94",
            "JP(94)",
            "ARM",
            "LIBERAR",
            "10-03-2026");
    assertThat(row.get(9))
        .contains("\"admin\":\"supervisor(1)\"", "\"motivo\":\"se fue a casa\"", "\"version\":2");
    assertThat(row.get(10)).isEmpty();
    OccupationEvent expirar =
        events.stream()
            .filter(e -> e instanceof OccupationEvent.OcupacionExpirada)
            .findFirst()
            .orElseThrow();
    assertThat(byId.get(expirar.eventId().toString()).subList(2, 8))
        .containsExactly("EXPIRAR_ARM", tag(8), "12", "PR(12)", "ARM", "EXPIRAR");
    OccupationEvent lastCompletar = events.get(events.size() - 1);
    assertThat(byId.get(lastCompletar.eventId().toString()).subList(1, 9))
        .containsExactly(
            "10-03-2026 23:30:00",
            "COMPLETAR_ARM",
            tag(10),
            "7",
            "MS(7)",
            "ARM",
            "COMPLETAR",
            "10-03-2026");

    var chain = harness.metadataChain();
    assertThat(chain.breaks()).isEmpty();
    assertThat(chain.hashedRows()).isEqualTo(events.size());
    assertThat(chain.unhashedRows()).isZero();

    assertThat(ProjectorHarness.health(projector).getStatus()).isEqualTo(Status.UP);
    System.out.printf(
        "SheetsProjectorIT: %d events, %s%n", events.size(), harness.emulator.stats());
  }

  static String tag(int i) {
    return String.format("MK-1335-CW-%05d", 25000 + i);
  }

  static Instant at(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  static Map<String, String> owned(
      String ocupadoPor,
      String fechaOcupacion,
      String armador,
      String soldador,
      String fechaArmado,
      String fechaSoldadura,
      String estadoDetalle,
      String version) {
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("Ocupado_Por", ocupadoPor);
    cells.put("Fecha_Ocupacion", fechaOcupacion);
    cells.put("Armador", armador);
    cells.put("Soldador", soldador);
    cells.put("Fecha_Armado", fechaArmado);
    cells.put("Fecha_Soldadura", fechaSoldadura);
    cells.put("Estado_Detalle", estadoDetalle);
    cells.put("version", version);
    return cells;
  }
}
