package cl.zeues.occupation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.testing.ShopHistory;
import cl.zeues.occupation.audit.testing.TestBroker;
import cl.zeues.occupation.audit.testing.ToolRun;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** replay, history, state-at and export against a real broker holding a log the domain wrote. */
class AuditReplayIT {

  private static final Instant START = Instant.parse("2026-03-02T11:00:00Z");
  private static final String TAG = "MK-5130-SW-11248-001";
  private static final Worker HOSTILE = Worker.of(77, "=HYPERLINK(\"http://x\") Soto");

  private static TestBroker broker;
  private static ShopHistory shop;

  @BeforeAll
  static void writeALog() {
    broker = new TestBroker();
    broker.createTopic(Topics.EVENTS.name(), Topics.EVENTS.partitions());
    shop = new ShopHistory(77, START);
    shop.tomar(TAG, ShopHistory.JUAN, Operacion.ARM); // 08:00 Santiago
    shop.after(Duration.ofMinutes(135)).pausar(TAG, ShopHistory.JUAN); // 10:15
    shop.after(Duration.ofMinutes(45)).tomar(TAG, ShopHistory.MARIA, Operacion.ARM); // 11:00
    shop.after(Duration.ofHours(4)).completar(TAG, ShopHistory.MARIA); // 15:00
    shop.tomar("MK-5130-SW-11248-002", HOSTILE, Operacion.ARM);
    shop.after(Duration.ofMinutes(30)).tomar(TAG, ShopHistory.PEDRO, Operacion.SOLD); // 15:30
    shop.tomar("MK-5130-SW-11248-003", ShopHistory.JUAN, Operacion.ARM);
    broker.publishDecisions(Topics.EVENTS.name(), shop.decisions());
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void replayShowsTheShopNowAndAsItWas() {
    JsonNode now = run("replay", "--json").json();
    assertThat(now.get("exit").asInt()).isZero();
    assertThat(now.get("events_read").asInt()).isEqualTo(shop.events().size());
    assertThat(now.get("spools").asInt()).isEqualTo(3);
    assertThat(now.get("occupied").asInt()).isEqualTo(3);
    assertThat(now.get("occupied_by_operation").get("SOLD").asInt()).isEqualTo(1);
    assertThat(now.get("occupied_by_worker").get("JP(94)").asInt()).isEqualTo(1);

    JsonNode then = run("replay", "--until", "2026-03-02 10:30", "--json").json();
    assertThat(then.get("spools").asInt()).isEqualTo(1);
    assertThat(then.get("occupied").asInt()).isZero();

    ToolRun human = run("replay");
    assertThat(human.exit()).isZero();
    assertThat(human.out()).contains("occupied now   3").contains("events/s");
  }

  @Test
  void historyListsTheSessionsWithDurations() {
    ToolRun human = run("history", TAG);
    assertThat(human.exit()).isZero();
    assertThat(human.out())
        .contains("2026-03-02 08:00:00")
        .contains("2026-03-02 10:15:00")
        .contains("PAUSAR")
        .contains("2h 15m")
        .contains("4h 0m")
        .contains("(occupied now)");

    JsonNode json = run("history", TAG, "--json").json();
    assertThat(json.get("sessions")).hasSize(3);
    assertThat(json.get("sessions").get(1).get("worker").get("token").asString())
        .isEqualTo("MS(12)");
    assertThat(json.get("sessions").get(1).get("ended_by").asString()).isEqualTo("COMPLETAR");
    assertThat(json.get("sessions").get(1).get("duration").asString()).isEqualTo("4h 0m");
  }

  @Test
  void stateAtAPastInstantShowsWhoHeldTheSpool() {
    JsonNode during = run("state-at", TAG, "--time", "2026-03-02T09:00", "--json").json();
    assertThat(during.get("version").asInt()).isEqualTo(1);
    assertThat(during.get("occupation").get("worker").get("token").asString()).isEqualTo("JP(94)");
    assertThat(during.get("estado_detalle").asString()).startsWith("JP(94) trabajando ARM");

    JsonNode paused = run("state-at", TAG, "--time", "2026-03-02T13:20:00Z", "--json").json();
    assertThat(paused.get("occupation").isNull()).isTrue();
    assertThat(paused.get("arm").get("estado").asString()).isEqualTo("PAUSADO");

    ToolRun human = run("state-at", TAG, "--time", "2026-03-02 15:10");
    assertThat(human.out()).contains("ARM             COMPLETADO, by JP(94), on 02-03-2026");
  }

  @Test
  void theExportIsFormulaSafeCsvOrTheEventsAsJsonLines(@TempDir Path dir) throws Exception {
    ToolRun csv = run("export", "--format", "csv");
    assertThat(csv.exit()).isZero();
    List<String> lines = csv.out().lines().toList();
    assertThat(lines).hasSize(shop.events().size() + 1);
    assertThat(lines.get(0)).startsWith("ID,Timestamp,Evento_Tipo,TAG_SPOOL");
    assertThat(csv.out()).contains(",'=S(77),").doesNotContain(",=");

    Path file = dir.resolve("trail.jsonl");
    ToolRun jsonl =
        run(
            "export",
            "--format",
            "jsonl",
            "--from",
            "2026-03-02 10:00",
            "--to",
            "2026-03-02 15:00",
            "--output",
            file.toString());
    assertThat(jsonl.exit()).isZero();
    List<String> events = Files.readAllLines(file);
    assertThat(events).hasSize(2); // the pause at 10:15 and the take at 11:00
    OccupationEvent first = new JsonCodec().read(events.get(0), OccupationEvent.class);
    assertThat(first).isEqualTo(shop.events().get(1));
  }

  private static ToolRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--bootstrap-servers";
    all[args.length + 1] = broker.bootstrapServers();
    return ToolRun.of(all);
  }
}
