package cl.zeues.occupation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.testing.ShopHistory;
import cl.zeues.occupation.audit.testing.ShopSheetsFixture;
import cl.zeues.occupation.audit.testing.TestBroker;
import cl.zeues.occupation.audit.testing.ToolRun;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.sheets.HeaderNames;
import cl.zeues.occupation.sheets.MetadataChain;
import cl.zeues.occupation.sheets.ShopSheets;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import com.google.api.services.sheets.v4.model.ClearValuesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * diff-sheets and repair-sheets against a spreadsheet projected from a real log (by rebuild-sheets,
 * with the rendering the projector uses; that the running projector's own sheet diffs clean is
 * checked end to end in system-tests): clean at first; hand-edited occupation cells and deleted
 * Metadata rows found; a dry run changes nothing; the repair restores them and records REMEDIAR
 * rows; clean again.
 */
class AuditDiffIT {

  private static final String SPREADSHEET = "audit-diff-it";
  private static final Instant START = Instant.parse("2026-03-02T11:00:00Z");
  private static final List<String> HEADERS = ShopSheets.OPERACIONES_STAGING;

  private static TestBroker broker;
  private static ShopSheetsFixture sheets;
  private static ShopHistory shop;

  @BeforeAll
  static void projectARealLog() {
    broker = new TestBroker();
    broker.createTopic(Topics.EVENTS.name(), Topics.EVENTS.partitions());
    sheets = new ShopSheetsFixture(1_000);
    ShopSpreadsheet spreadsheet = new ShopSpreadsheet();
    shop = new ShopHistory(5, START);
    for (int i = 0; i < 12; i++) {
      String tag = tag(i);
      spreadsheet.spool(tag, "05-01-2026");
      shop.tomar(tag, i % 2 == 0 ? ShopHistory.JUAN : ShopHistory.MARIA, Operacion.ARM);
      shop.after(Duration.ofMinutes(20));
      if (i % 3 == 0) {
        shop.pausar(tag, i % 2 == 0 ? ShopHistory.JUAN : ShopHistory.MARIA);
      } else if (i % 3 == 1) {
        shop.completar(tag, i % 2 == 0 ? ShopHistory.JUAN : ShopHistory.MARIA);
        shop.tomar(tag, ShopHistory.PEDRO, Operacion.SOLD);
      }
    }
    spreadsheet.spool("MK-1335-CW-25238-099", "05-01-2026");
    sheets.seed(SPREADSHEET, spreadsheet);
    broker.publishDecisions(Topics.EVENTS.name(), shop.decisions());

    ToolRun projected =
        ToolRun.of(
            "rebuild-sheets",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--sheets-root-url",
            sheets.rootUrl(),
            "--spreadsheet",
            SPREADSHEET,
            "--json");
    assertThat(projected.exit()).as(projected.err()).isZero();
    assertThat(metadataIds()).hasSize(shop.events().size());
  }

  @AfterAll
  static void stop() {
    sheets.close();
    broker.close();
  }

  @Test
  void driftIsFoundRepairedAndRecorded() throws Exception {
    assertThat(diff().exit()).as("a freshly projected sheet").isZero();

    // People edit the sheet: two occupation cells, and two audit rows deleted.
    int rowOf1 = rowOf(tag(1));
    int rowOf4 = rowOf(tag(4));
    write("Operaciones!" + letters("Ocupado_Por") + rowOf1, "XX(1)");
    write("Operaciones!" + letters("Estado_Detalle") + rowOf4, "Disponible");
    List<List<Object>> metadata = sheets.rows(SPREADSHEET, "Metadata");
    Set<String> deleted = Set.of(id(metadata.get(3)), id(metadata.get(7)));
    List<List<Object>> kept = new ArrayList<>();
    for (List<Object> row : metadata.subList(1, metadata.size())) {
      if (!deleted.contains(id(row))) {
        kept.add(row);
      }
    }
    sheets
        .client()
        .spreadsheets()
        .values()
        .clear(SPREADSHEET, "Metadata!A2:L", new ClearValuesRequest())
        .execute();
    sheets
        .client()
        .spreadsheets()
        .values()
        .update(SPREADSHEET, "Metadata!A2", new ValueRange().setValues(kept))
        .setValueInputOption("RAW")
        .execute();

    ToolRun found = diff();
    assertThat(found.exit()).isEqualTo(1);
    JsonNode report = found.json();
    Set<String> findings = new HashSet<>();
    for (JsonNode finding : report.get("findings")) {
      String kind = finding.get("kind").asString();
      findings.add(
          kind.equals("CELL_DRIFT")
              ? kind
                  + " "
                  + finding.get("tag_spool").asString()
                  + " "
                  + finding.get("column").asString()
              : kind + " " + finding.get("event_id").asString());
    }
    assertThat(findings)
        .containsExactlyInAnyOrder(
            "CELL_DRIFT " + tag(1) + " Ocupado_Por",
            "CELL_DRIFT " + tag(4) + " Estado_Detalle",
            "METADATA_MISSING " + deleted.stream().sorted().toList().get(0),
            "METADATA_MISSING " + deleted.stream().sorted().toList().get(1));
    assertThat(report.get("repairable").asInt()).isEqualTo(4);
    // Removing audit rows breaks the hash chain where the rows below moved up (rows 4 and 8 gone).
    ToolRun chainAfterDelete = verifySheets(SPREADSHEET);
    assertThat(chainAfterDelete.exit()).isEqualTo(1);
    assertThat(chainAfterDelete.json().get("first_break").get("row").asInt()).isEqualTo(4);
    assertThat(chainAfterDelete.json().get("breaks_total").asInt()).isEqualTo(2);

    List<List<Object>> operacionesBefore = sheets.rows(SPREADSHEET, "Operaciones");
    List<List<Object>> metadataBefore = sheets.rows(SPREADSHEET, "Metadata");
    ToolRun dryRun = tool("repair-sheets", "--dry-run");
    assertThat(dryRun.exit()).isEqualTo(1);
    assertThat(dryRun.json().get("cells_rewritten").asInt()).isEqualTo(2);
    assertThat(dryRun.json().get("write_requests").asInt()).isZero();
    assertThat(sheets.rows(SPREADSHEET, "Operaciones")).isEqualTo(operacionesBefore);
    assertThat(sheets.rows(SPREADSHEET, "Metadata")).isEqualTo(metadataBefore);

    ToolRun repair = tool("repair-sheets", "--operator", "auditora");
    assertThat(repair.exit()).as(repair.err()).isZero();
    JsonNode repaired = repair.json();
    assertThat(repaired.get("cells_rewritten").asInt()).isEqualTo(2);
    assertThat(repaired.get("metadata_rows_restored").asInt()).isEqualTo(2);
    assertThat(repaired.get("remediar_rows_written").asInt()).isEqualTo(4);
    assertThat(repaired.get("chain_broken_at_row").asInt()).isEqualTo(4);
    assertThat(repaired.get("chained_after_row").asInt()).isEqualTo(metadataBefore.size());

    List<List<Object>> operaciones = sheets.rows(SPREADSHEET, "Operaciones");
    assertThat(operaciones.get(rowOf1 - 1).get(HEADERS.indexOf("Ocupado_Por")))
        .isEqualTo(shop.state(tag(1)).occupation().worker().token());
    assertThat(operaciones.get(rowOf4 - 1).get(HEADERS.indexOf("Estado_Detalle")).toString())
        .startsWith("PR(33) trabajando SOLD");
    List<List<Object>> after = sheets.rows(SPREADSHEET, "Metadata");
    assertThat(after.stream().map(AuditDiffIT::id)).containsAll(deleted);
    List<List<Object>> remediar =
        after.stream().filter(row -> row.size() > 7 && "REMEDIAR".equals(row.get(7))).toList();
    assertThat(remediar).hasSize(4);
    assertThat(remediar).allSatisfy(row -> assertThat(row.get(5)).isEqualTo("auditora"));

    ToolRun clean = diff();
    assertThat(clean.exit()).as(clean.out()).isZero();
    assertThat(clean.json().get("remediar_rows").asInt()).isEqualTo(4);
    assertThat(clean.json().get("findings")).isEmpty();
    // History is not rewritten: the chain stays broken where it was, and the appended rows
    // (restored and REMEDIAR) are chained after the last row.
    assertThat(after.subList(0, metadataBefore.size())).isEqualTo(metadataBefore);
    JsonNode chain = verifySheets(SPREADSHEET).json();
    assertThat(chain.get("first_break").get("row").asInt()).isEqualTo(4);
    assertThat(chain.get("breaks_total").asInt()).isEqualTo(2);
    assertThat(chain.get("hashed_rows").asInt()).isEqualTo(after.size() - 1);
  }

  @Test
  void oneEditedMetadataCellBreaksTheHashChainAtItsRowAndVerifySheetsNamesIt() throws Exception {
    String target = "audit-chain-it";
    ShopSpreadsheet spreadsheet = new ShopSpreadsheet();
    for (int i = 0; i < 12; i++) {
      spreadsheet.spool(tag(i), "05-01-2026");
    }
    sheets.seed(target, spreadsheet);
    String[] rebuild = {
      "rebuild-sheets",
      "--bootstrap-servers",
      broker.bootstrapServers(),
      "--sheets-root-url",
      sheets.rootUrl(),
      "--spreadsheet",
      target,
      "--rows-per-request",
      "7",
      "--json"
    };
    ToolRun projected = ToolRun.of(rebuild);
    assertThat(projected.exit()).as(projected.err()).isZero();
    // An interrupted rebuild: its last rows never landed; running it again chains them after the
    // rows that did.
    int rows = sheets.rows(target, "Metadata").size();
    sheets
        .client()
        .spreadsheets()
        .values()
        .clear(target, "Metadata!A" + (rows - 2) + ":L" + rows, new ClearValuesRequest())
        .execute();
    ToolRun finished = ToolRun.of(rebuild);
    assertThat(finished.exit()).as(finished.err()).isZero();
    assertThat(finished.json().get("metadata_rows_appended").asInt()).isEqualTo(3);

    ToolRun intact = verifySheets(target);
    assertThat(intact.exit()).as(intact.out()).isZero();
    assertThat(intact.json().get("hashed_rows").asInt()).isEqualTo(shop.events().size());
    assertThat(intact.json().get("first_break").isNull()).isTrue();
    ToolRun human = ToolRun.of(chainArgs(target));
    assertThat(human.exit()).isZero();
    assertThat(human.out()).contains("clean: every Hash matches");

    // Someone changes who did the work in one audit row (sheet row 6).
    List<List<Object>> before = sheets.rows(target, "Metadata");
    List<String> header = before.get(0).stream().map(String::valueOf).toList();
    int row = 6;
    Map<String, Object> original = byHeader(header, before.get(row - 1));
    sheets
        .client()
        .spreadsheets()
        .values()
        .update(
            target,
            "Metadata!" + HeaderNames.letters(header.indexOf("Worker_Nombre")) + row,
            new ValueRange().setValues(List.of(List.of("XX(1)"))))
        .setValueInputOption("RAW")
        .execute();

    ToolRun broken = verifySheets(target);
    assertThat(broken.exit()).as(broken.out()).isEqualTo(1);
    JsonNode first = broken.json().get("first_break");
    assertThat(first.get("row").asInt()).isEqualTo(row);
    assertThat(first.get("id").asString()).isEqualTo(original.get("ID"));
    assertThat(first.get("kind").asString()).isEqualTo("HASH_MISMATCH");
    assertThat(first.get("stored").asString()).isEqualTo(original.get("Hash"));
    Map<String, Object> edited = new LinkedHashMap<>(original);
    edited.put("Worker_Nombre", "XX(1)");
    String above = String.valueOf(byHeader(header, before.get(row - 2)).get("Hash"));
    assertThat(first.get("recomputed").asString())
        .isEqualTo(MetadataChain.hash(edited, above))
        .isNotEqualTo(original.get("Hash"));
    assertThat(broken.json().get("breaks_total").asInt()).isEqualTo(1);
    ToolRun brokenHuman = ToolRun.of(chainArgs(target));
    assertThat(brokenHuman.exit()).isEqualTo(1);
    assertThat(brokenHuman.out())
        .contains("broken first at row " + row + " (ID " + original.get("ID") + ")")
        .contains("stored      " + original.get("Hash"))
        .contains("recomputed  " + first.get("recomputed").asString());

    // repair-sheets never rewrites the edited row: it appends its REMEDIAR row chained after the
    // last row, and says the chain was already broken.
    write(target, "Operaciones!" + letters("Ocupado_Por") + 3, "XX(2)");
    ToolRun repair =
        ToolRun.of(
            "repair-sheets",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--sheets-root-url",
            sheets.rootUrl(),
            "--spreadsheet-id",
            target,
            "--projector-group",
            "",
            "--operator",
            "auditora");
    assertThat(repair.exit()).as(repair.out()).isEqualTo(1); // the altered audit row needs people
    assertThat(repair.out())
        .contains("METADATA_ALTERED")
        .contains("hash chain was already broken at row " + row)
        .contains("chained after row " + before.size());
    List<List<Object>> after = sheets.rows(target, "Metadata");
    assertThat(after).hasSize(before.size() + 1);
    assertThat(after.get(row - 1).get(header.indexOf("Worker_Nombre"))).isEqualTo("XX(1)");
    assertThat(byHeader(header, after.getLast()).get("Accion")).isEqualTo("REMEDIAR");

    JsonNode still = verifySheets(target).json();
    assertThat(still.get("first_break").get("row").asInt()).isEqualTo(row);
    assertThat(still.get("breaks_total").asInt()).isEqualTo(1);
    assertThat(still.get("hashed_rows").asInt()).isEqualTo(before.size());
  }

  @Test
  void aMetadataSheetWithoutTheHashColumnCannotBeVerified() {
    String target = "audit-no-hash-it";
    sheets
        .emulator()
        .putSpreadsheet(
            target,
            Map.of("Metadata", List.of(new ArrayList<Object>(ShopSheets.METADATA_CONTENT))));

    ToolRun run = ToolRun.of(chainArgs(target));

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("Metadata misses required column(s) [Hash]");
  }

  private static ToolRun verifySheets(String spreadsheet) {
    List<String> args = new ArrayList<>(List.of(chainArgs(spreadsheet)));
    args.add("--json");
    return ToolRun.of(args.toArray(String[]::new));
  }

  private static String[] chainArgs(String spreadsheet) {
    return new String[] {
      "verify", "--sheets", "--sheets-root-url", sheets.rootUrl(), "--spreadsheet-id", spreadsheet
    };
  }

  private static Map<String, Object> byHeader(List<String> header, List<Object> row) {
    Map<String, Object> cells = new LinkedHashMap<>();
    for (int i = 0; i < header.size() && i < row.size(); i++) {
      cells.put(header.get(i), row.get(i));
    }
    return cells;
  }

  @Test
  void rebuildWritesAFreshProjectionThroughARateLimitStormAndCanBeRunAgain() {
    String target = "audit-rebuild-it";
    sheets.emulator().putSpreadsheet(target, java.util.Map.of("Hoja 1", List.of()));
    sheets.emulator().startRateLimitStorm(Duration.ofSeconds(2));

    ToolRun rebuild =
        ToolRun.of(
            "rebuild-sheets",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--sheets-root-url",
            sheets.rootUrl(),
            "--spreadsheet",
            target,
            "--rows-per-request",
            "5",
            "--json");

    assertThat(rebuild.exit()).as(rebuild.err()).isZero();
    JsonNode report = rebuild.json();
    assertThat(report.get("sheets_added")).hasSize(2);
    assertThat(report.get("spools_appended").asInt()).isEqualTo(12);
    assertThat(report.get("metadata_rows_appended").asInt()).isEqualTo(shop.events().size());
    assertThat(report.get("rate_limited").asInt()).isPositive();
    assertThat(sheets.rows(target, "Metadata")).hasSize(shop.events().size() + 1);

    ToolRun diff =
        ToolRun.of(
            "diff-sheets",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--sheets-root-url",
            sheets.rootUrl(),
            "--spreadsheet-id",
            target,
            "--projector-group",
            "",
            "--json");
    assertThat(diff.exit()).as(diff.out()).isZero();

    ToolRun again =
        ToolRun.of(
            "rebuild-sheets",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--sheets-root-url",
            sheets.rootUrl(),
            "--spreadsheet",
            target,
            "--json");
    assertThat(again.exit()).isZero();
    assertThat(again.json().get("metadata_rows_appended").asInt()).isZero();
    assertThat(again.json().get("metadata_rows_already_there").asInt())
        .isEqualTo(shop.events().size());
    assertThat(again.json().get("spools_updated").asInt()).isEqualTo(12);
    assertThat(sheets.rows(target, "Metadata")).hasSize(shop.events().size() + 1);
  }

  @Test
  void anUnknownSpreadsheetIsExitTwoWithOneLine() {
    ToolRun run =
        ToolRun.of(
            "diff-sheets",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--sheets-root-url",
            sheets.rootUrl(),
            "--spreadsheet-id",
            "no-such-sheet");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("no-such-sheet");
  }

  private static ToolRun diff() {
    return tool("diff-sheets");
  }

  private static ToolRun tool(String command, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--sheets-root-url",
                sheets.rootUrl(),
                "--spreadsheet-id",
                SPREADSHEET,
                "--json"));
    args.addAll(List.of(more));
    return ToolRun.of(args.toArray(String[]::new));
  }

  private static void write(String range, Object value) throws Exception {
    write(SPREADSHEET, range, value);
  }

  private static void write(String spreadsheet, String range, Object value) throws Exception {
    sheets
        .client()
        .spreadsheets()
        .values()
        .update(spreadsheet, range, new ValueRange().setValues(List.of(List.of(value))))
        .setValueInputOption("RAW")
        .execute();
  }

  private static int rowOf(String tag) {
    List<List<Object>> rows = sheets.rows(SPREADSHEET, "Operaciones");
    int column = HEADERS.indexOf("TAG_SPOOL");
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() > column && tag.equals(rows.get(i).get(column))) {
        return i + 1;
      }
    }
    throw new IllegalStateException(tag + " has no row");
  }

  private static String letters(String header) {
    return cl.zeues.occupation.sheets.HeaderNames.letters(HEADERS.indexOf(header));
  }

  private static List<String> metadataIds() {
    return sheets.rows(SPREADSHEET, "Metadata").stream().skip(1).map(AuditDiffIT::id).toList();
  }

  private static String id(List<Object> row) {
    return row.isEmpty() ? "" : String.valueOf(row.get(0));
  }

  private static String tag(int i) {
    return "MK-1335-CW-25238-%03d".formatted(i);
  }
}
