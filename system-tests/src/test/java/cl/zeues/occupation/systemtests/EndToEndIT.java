package cl.zeues.occupation.systemtests;

import static cl.zeues.occupation.systemtests.Tablets.json;
import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.AuditTool;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop through the spreadsheet: the sheet's master data imported into Kafka, HTTP
 * commands decided by the processor, and the events projected back into {@code Operaciones} and
 * {@code Metadata} by the real Google client against the sheets emulator.
 */
class EndToEndIT {

  static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
  static final String TAG = "E2E-" + RUN + "-001";
  static final String LATE = "E2E-" + RUN + "-002";

  static ZeuesSystem system;
  static Tablets tablets;

  @BeforeAll
  static void start() {
    system = ZeuesSystem.start(1);
    system.startSheets(
        new ShopSpreadsheet()
            .spool(TAG, "01-10-2026")
            .worker(94, "Juan", "Pérez", true, "Armador")
            .worker(12, "Ana", "Bravo", true, "Armador")
            .worker(13, "Luis", "Soto", false, "Armador"));
    system.importCatalog();
    tablets = new Tablets(system);
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  static ZeuesSystem.Response post(
      String action, String tag, int worker, String nombre, String extra) {
    return system.post(
        "/api/occupation/" + action,
        "{\"tag_spool\":\""
            + tag
            + "\",\"worker_id\":"
            + worker
            + ",\"worker_nombre\":\""
            + nombre
            + "\""
            + extra
            + "}");
  }

  @Test
  void tomarPausarTomarByAnotherCompletarEndsInTheSheet() throws IOException {
    assertThat(post("tomar", TAG, 94, "Juan Pérez", ",\"operacion\":\"ARM\"").status())
        .isEqualTo(200);
    assertThat(post("pausar", TAG, 94, "Juan Pérez", "").status()).isEqualTo(200);
    assertThat(post("tomar", TAG, 12, "Ana Bravo", ",\"operacion\":\"ARM\"").status())
        .isEqualTo(200);
    assertThat(post("completar", TAG, 12, "Ana Bravo", "").status()).isEqualTo(200);

    String today =
        LocalDate.now(ZoneId.of("America/Santiago"))
            .format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Map<String, String> row = SheetRows.operacionesRow(system, TAG).orElseThrow();
              assertThat(row)
                  .containsEntry("Ocupado_Por", "")
                  .containsEntry("Fecha_Ocupacion", "")
                  .containsEntry("Armador", "JP(94)")
                  .containsEntry("Fecha_Armado", today)
                  .containsEntry("Soldador", "")
                  .containsEntry("Fecha_Soldadura", "")
                  .containsEntry("Estado_Detalle", "Disponible - ARM completado, SOLD pendiente")
                  .containsEntry("version", "4");
              assertThat(row)
                  .containsEntry("NV", "NV-" + TAG)
                  .containsEntry("Fecha_Materiales", "01-10-2026");
              assertThat(SheetRows.metadataRows(system, TAG))
                  .extracting(r -> r.get("Evento_Tipo") + " " + r.get("Worker_Nombre"))
                  .containsExactly(
                      "TOMAR_ARM JP(94)",
                      "PAUSAR_ARM JP(94)",
                      "TOMAR_ARM AB(12)",
                      "COMPLETAR_ARM AB(12)");
              assertThat(SheetRows.metadataRows(system, TAG))
                  .extracting(r -> r.get("Hash"))
                  .allMatch(hash -> hash.matches("[0-9a-f]{64}"));
            });
    // The audit trail the projector wrote is an unbroken hash chain.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        AuditTool.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            "verify",
            "--sheets",
            "--sheets-root-url",
            system.emulator().rootUrl(),
            "--spreadsheet-id",
            ZeuesSystem.SPREADSHEET,
            "--json");
    String chain = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(chain).isZero();
    assertThat(Tablets.JSON.readTree(chain).path("hashed_rows").asInt()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aSpoolAddedInTheSheetBecomesTakeableAfterTheImport() throws IOException {
    var before = post("tomar", LATE, 12, "Ana Bravo", ",\"operacion\":\"ARM\"");
    assertThat(before.status()).isEqualTo(404);
    assertThat(json(before).path("code").asString()).isEqualTo("SPOOL_NO_ENCONTRADO");

    List<Object> row =
        ShopSpreadsheet.OPERACIONES_HEADERS.stream()
            .<Object>map(
                h ->
                    switch (h) {
                      case "TAG_SPOOL" -> LATE;
                      case "Fecha_Materiales" -> 46155.4818;
                      default -> "";
                    })
            .toList();
    system
        .sheets()
        .spreadsheets()
        .values()
        .append(ZeuesSystem.SPREADSHEET, "Operaciones!A1", new ValueRange().setValues(List.of(row)))
        .setValueInputOption("RAW")
        .setInsertDataOption("INSERT_ROWS")
        .execute();
    system.importCatalog();

    assertThat(post("tomar", LATE, 12, "Ana Bravo", ",\"operacion\":\"ARM\"").status())
        .isEqualTo(200);
  }

  @Test
  void anInactiveWorkerInTheSheetIsNotFound() {
    var response = post("tomar", TAG, 13, "Luis Soto", ",\"operacion\":\"SOLD\"");

    assertThat(response.status()).isEqualTo(404);
    assertThat(json(response).path("code").asString()).isEqualTo("WORKER_NO_ENCONTRADO");
  }
}
