package cl.zeues.occupation.systemtests;

import static cl.zeues.occupation.systemtests.Tablets.json;
import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.sheets.ShopSpreadsheet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A spool's whole life through quality control, as the tablets and a supervisor drive it over HTTP
 * and the business reads it in the sheet: ARM, SOLD, three rejections with repairs between (the
 * cycle kept across each repair), the block, a supervisor's unblock, the approval. Checked in the
 * emulator's {@code Operaciones} row and {@code Metadata} rows, and by {@code audit-tool verify}.
 */
class QualityLoopEndToEndIT {

  static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
  static final String TAG = "TEST-" + RUN + "-QC";
  static final int ARMADOR = 94;
  static final int SOLDADOR = 12;
  static final int INSPECTORA = 93;

  static ZeuesSystem system;

  @BeforeAll
  static void start() {
    system = ZeuesSystem.start(1);
    system.startSheets(
        new ShopSpreadsheet()
            .spool(TAG, "01-10-2026")
            .worker(ARMADOR, "Juan", "Pérez", true, "Armador")
            .worker(SOLDADOR, "Ana", "Bravo", true, "Armador", "Soldador")
            .worker(INSPECTORA, "María", "Rojas", true, "Metrologia"));
    system.importCatalog();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  static ZeuesSystem.Response occupation(String action, int worker, String token, String extra) {
    return system.post(
        "/api/occupation/" + action,
        "{\"tag_spool\":\""
            + TAG
            + "\",\"worker_id\":"
            + worker
            + ",\"worker_nombre\":\""
            + token
            + "\""
            + extra
            + "}");
  }

  static ZeuesSystem.Response metrologia(String resultado) {
    return system.post(
        "/api/metrologia/completar",
        "{\"tag_spool\":\""
            + TAG
            + "\",\"worker_id\":"
            + INSPECTORA
            + ",\"worker_nombre\":\"MR(93)\",\"resultado\":\""
            + resultado
            + "\"}");
  }

  static ZeuesSystem.Response reparacion(String action) {
    return system.post(
        "/api/" + action + "-reparacion",
        "{\"tag_spool\":\"" + TAG + "\",\"worker_id\":" + SOLDADOR + "}");
  }

  static void ok(ZeuesSystem.Response response, String what) {
    assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
  }

  @Test
  void threeRejectionsBlockTheSpoolUntilASupervisorUnblocksItAndMetrologyApproves()
      throws Exception {
    ok(occupation("tomar", ARMADOR, "JP(94)", ",\"operacion\":\"ARM\""), "tomar ARM");
    ok(occupation("completar", ARMADOR, "JP(94)", ""), "completar ARM");
    ok(occupation("tomar", SOLDADOR, "AB(12)", ",\"operacion\":\"SOLD\""), "tomar SOLD");
    ok(occupation("completar", SOLDADOR, "AB(12)", ""), "completar SOLD");

    for (int cycle = 1; cycle <= 2; cycle++) {
      var rejected = metrologia("RECHAZADO");
      ok(rejected, "rechazo " + cycle);
      assertThat(json(rejected).path("estado_detalle").asString())
          .isEqualTo("RECHAZADO (Ciclo " + cycle + "/3) - Pendiente reparación");
      assertThat(json(rejected).path("cycle").asInt()).isEqualTo(cycle);
      var taken = reparacion("tomar");
      ok(taken, "tomar reparación " + cycle);
      assertThat(json(taken).path("estado_detalle").asString())
          .isEqualTo("EN_REPARACION (Ciclo " + cycle + "/3) - Ocupado: AB(12)");
      var repaired = reparacion("completar");
      ok(repaired, "completar reparación " + cycle);
      assertThat(json(repaired).path("estado_detalle").asString())
          .isEqualTo("PENDIENTE_METROLOGIA");
      assertThat(json(repaired).path("cycle").asInt()).as("the cycle is kept").isEqualTo(cycle);
    }
    var third = metrologia("RECHAZADO");
    ok(third, "tercer rechazo");
    assertThat(json(third).path("estado_detalle").asString())
        .isEqualTo("BLOQUEADO - Contactar supervisor");

    var blockedRepair = reparacion("tomar");
    assertThat(blockedRepair.status()).isEqualTo(403);
    assertThat(json(blockedRepair).path("code").asString()).isEqualTo("SPOOL_BLOQUEADO");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(SheetRows.operacionesRow(system, TAG).orElseThrow())
                    .containsEntry("Estado_Detalle", "BLOQUEADO - Contactar supervisor"));

    var unblocked =
        system.post(
            "/api/admin/spools/" + TAG + "/desbloquear",
            "{\"motivo\":\"revisado con calidad\"}",
            Map.of("Authorization", "Bearer " + ZeuesSystem.ADMIN_TOKEN));
    ok(unblocked, "desbloquear");
    ok(metrologia("APROBADO"), "aprobado");

    String today =
        LocalDate.now(ZoneId.of("America/Santiago"))
            .format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(SheetRows.operacionesRow(system, TAG).orElseThrow())
                  .containsEntry("Ocupado_Por", "")
                  .containsEntry("Armador", "JP(94)")
                  .containsEntry("Fecha_Armado", today)
                  .containsEntry("Soldador", "AB(12)")
                  .containsEntry("Fecha_Soldadura", today)
                  .containsEntry("Fecha_QC_Metrología", today)
                  .containsEntry("Estado_Detalle", "METROLOGIA APROBADO ✓")
                  .containsEntry("version", "13");
              assertThat(SheetRows.metadataRows(system, TAG))
                  .extracting(r -> r.get("Evento_Tipo") + " " + r.get("Worker_Nombre"))
                  .containsExactly(
                      "TOMAR_ARM JP(94)",
                      "COMPLETAR_ARM JP(94)",
                      "TOMAR_SOLD AB(12)",
                      "COMPLETAR_SOLD AB(12)",
                      "COMPLETAR_METROLOGIA MR(93)",
                      "TOMAR_REPARACION AB(12)",
                      "COMPLETAR_REPARACION AB(12)",
                      "COMPLETAR_METROLOGIA MR(93)",
                      "TOMAR_REPARACION AB(12)",
                      "COMPLETAR_REPARACION AB(12)",
                      "COMPLETAR_METROLOGIA MR(93)",
                      "DESBLOQUEAR_ADMIN admin",
                      "COMPLETAR_METROLOGIA MR(93)");
              assertThat(SheetRows.metadataRows(system, TAG).get(10).get("Metadata_JSON"))
                  .contains("\"state\":\"bloqueado\"")
                  .contains("\"cycle\":3");
            });
    AuditChecks.assertVerifyClean(system);
    AuditChecks.awaitSheetsMatchLog(system, Duration.ofSeconds(60));
  }
}
