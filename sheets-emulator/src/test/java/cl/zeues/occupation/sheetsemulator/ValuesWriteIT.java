package cl.zeues.occupation.sheetsemulator;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.sheetsemulator.grid.Cell;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesResponse;
import com.google.api.services.sheets.v4.model.ClearValuesRequest;
import com.google.api.services.sheets.v4.model.DeleteSheetRequest;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.UpdateValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ValuesWriteIT {

  private static final SheetsEmulator emulator = new SheetsEmulator();
  private static Sheets sheets;

  @BeforeAll
  static void start() {
    emulator.start(EmulatorConfig.defaults().withWritesPerMinute(0));
    sheets = TestSheets.client(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.stop();
  }

  private static ValueRange rows(List<List<Object>> values) {
    return new ValueRange().setValues(values);
  }

  private static List<List<Object>> read(String id, String range, String render) throws Exception {
    return sheets
        .spreadsheets()
        .values()
        .get(id, range)
        .setValueRenderOption(render)
        .execute()
        .getValues();
  }

  @Test
  void rawFormulaTextIsInertWhileUserEnteredBecomesAFormula() throws Exception {
    String id = "write-formula";
    TestSheets.put(emulator, id, "Log", List.of());

    sheets
        .spreadsheets()
        .values()
        .update(id, "Log!A1", rows(List.of(List.of("=1+1"))))
        .setValueInputOption("RAW")
        .execute();
    sheets
        .spreadsheets()
        .values()
        .update(id, "Log!B1", rows(List.of(List.of("=1+1"))))
        .setValueInputOption("USER_ENTERED")
        .execute();

    assertThat(read(id, "Log!A1:B1", "FORMULA")).isEqualTo(List.of(List.of("=1+1", "=1+1")));
    assertThat(read(id, "Log!A1:B1", "FORMATTED_VALUE")).isEqualTo(List.of(List.of("=1+1", "2")));
    assertThat(read(id, "Log!A1:B1", "UNFORMATTED_VALUE"))
        .isEqualTo(List.of(List.of("=1+1", new BigDecimal("2"))));
    assertThat(emulator.cell(id, "Log!A1")).contains(new Cell.Text("=1+1"));
    assertThat(emulator.cell(id, "Log!B1")).contains(new Cell.Formula("=1+1"));
  }

  @Test
  void userEnteredTurnsNumericStringsIntoNumbersButRawKeepsText() throws Exception {
    String id = "write-numbers";
    TestSheets.put(emulator, id, "Log", List.of());

    sheets
        .spreadsheets()
        .values()
        .update(id, "Log!A1:B1", rows(List.of(List.of("007", 7))))
        .setValueInputOption("RAW")
        .execute();
    sheets
        .spreadsheets()
        .values()
        .update(id, "Log!A2:B2", rows(List.of(List.of("007", "TRUE"))))
        .setValueInputOption("USER_ENTERED")
        .execute();

    assertThat(read(id, "Log!A1:B2", "UNFORMATTED_VALUE"))
        .isEqualTo(
            List.of(List.of("007", new BigDecimal("7")), List.of(new BigDecimal("7"), true)));
  }

  @Test
  void updateReportsTheWrittenAreaNotTheRequestedOne() throws Exception {
    String id = "write-update";
    TestSheets.put(emulator, id, "Hoja Uno", List.of());

    UpdateValuesResponse response =
        sheets
            .spreadsheets()
            .values()
            .update(id, "'Hoja Uno'!B2:Z9", rows(List.of(List.of("a", "b"), List.of("c"))))
            .setValueInputOption("RAW")
            .setIncludeValuesInResponse(true)
            .execute();

    assertThat(response.getSpreadsheetId()).isEqualTo(id);
    assertThat(response.getUpdatedRange()).isEqualTo("'Hoja Uno'!B2:C3");
    assertThat(response.getUpdatedRows()).isEqualTo(2);
    assertThat(response.getUpdatedColumns()).isEqualTo(2);
    assertThat(response.getUpdatedCells()).isEqualTo(3);
    assertThat(response.getUpdatedData().getValues())
        .isEqualTo(List.of(List.of("a", "b"), List.of("c")));
  }

  @Test
  void nullSkipsACellAndEmptyStringClearsIt() throws Exception {
    String id = "write-null";
    TestSheets.put(emulator, id, "Log", List.of(List.of("a", "b", "c")));
    // The Java client drops plain nulls from lists; Data.NULL_STRING is how it sends a JSON null.
    List<Object> row = List.of(Data.NULL_STRING, "", "z");

    sheets
        .spreadsheets()
        .values()
        .update(id, "Log!A1", rows(List.of(row)))
        .setValueInputOption("RAW")
        .execute();

    assertThat(read(id, "Log", "FORMATTED_VALUE")).isEqualTo(List.of(List.of("a", "", "z")));
  }

  @Test
  void writingPastABoundedRangeIsABadRequest() {
    String id = "write-overflow";
    TestSheets.put(emulator, id, "Log", List.of());

    GoogleJsonResponseException e =
        TestSheets.failure(
            () ->
                sheets
                    .spreadsheets()
                    .values()
                    .update(id, "Log!A1:B1", rows(List.of(List.of(1, 2, 3))))
                    .setValueInputOption("RAW")
                    .execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getDetails().getMessage())
        .isEqualTo("Requested writing within range [Log!A1:B1], but tried writing to column [C]");
  }

  @Test
  void batchUpdateWritesEveryRangeAndCountsTotals() throws Exception {
    String id = "write-batch";
    TestSheets.put(emulator, id, "One", List.of(), "Two", List.of());

    BatchUpdateValuesResponse response =
        sheets
            .spreadsheets()
            .values()
            .batchUpdate(
                id,
                new BatchUpdateValuesRequest()
                    .setValueInputOption("USER_ENTERED")
                    .setData(
                        List.of(
                            new ValueRange()
                                .setRange("One!A1")
                                .setValues(List.of(List.of("x", "=2*3"))),
                            new ValueRange()
                                .setRange("Two!A1:A2")
                                .setValues(List.of(List.of("y"), List.of("z"))))))
            .execute();

    assertThat(response.getTotalUpdatedCells()).isEqualTo(4);
    assertThat(response.getTotalUpdatedSheets()).isEqualTo(2);
    assertThat(response.getResponses())
        .extracting(UpdateValuesResponse::getUpdatedRange)
        .containsExactly("One!A1:B1", "Two!A1:A2");
    assertThat(read(id, "One", "FORMATTED_VALUE")).isEqualTo(List.of(List.of("x", "6")));
  }

  @Test
  void batchUpdateIsAllOrNothing() throws Exception {
    String id = "write-atomic";
    TestSheets.put(emulator, id, "One", List.of());

    GoogleJsonResponseException e =
        TestSheets.failure(
            () ->
                sheets
                    .spreadsheets()
                    .values()
                    .batchUpdate(
                        id,
                        new BatchUpdateValuesRequest()
                            .setValueInputOption("RAW")
                            .setData(
                                List.of(
                                    new ValueRange()
                                        .setRange("One!A1")
                                        .setValues(List.of(List.of("kept?"))),
                                    new ValueRange()
                                        .setRange("Missing!A1")
                                        .setValues(List.of(List.of("no"))))))
                    .execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getDetails().getMessage())
        .isEqualTo("Invalid data[1]: Unable to parse range: Missing!A1");
    assertThat(read(id, "One", "FORMATTED_VALUE")).isNull();
  }

  @Test
  void appendInsertRowsLandsAfterTheLastRowOfTheTable() throws Exception {
    String id = "write-append";
    TestSheets.put(
        emulator,
        id,
        "Metadata",
        List.of(List.of("TAG", "QTY"), List.of("S-1", 1), List.of(), List.of("S-3", 3)));

    AppendValuesResponse response =
        sheets
            .spreadsheets()
            .values()
            .append(id, "Metadata!A:K", rows(List.of(List.of("S-4", 4), List.of("S-5", 5))))
            .setValueInputOption("RAW")
            .setInsertDataOption("INSERT_ROWS")
            .execute();

    assertThat(response.getSpreadsheetId()).isEqualTo(id);
    assertThat(response.getTableRange()).isEqualTo("Metadata!A1:B4");
    assertThat(response.getUpdates().getUpdatedRange()).isEqualTo("Metadata!A5:B6");
    assertThat(response.getUpdates().getUpdatedRows()).isEqualTo(2);
    assertThat(response.getUpdates().getUpdatedColumns()).isEqualTo(2);
    assertThat(response.getUpdates().getUpdatedCells()).isEqualTo(4);
    assertThat(read(id, "Metadata!A5:B6", "UNFORMATTED_VALUE"))
        .isEqualTo(
            List.of(List.of("S-4", new BigDecimal("4")), List.of("S-5", new BigDecimal("5"))));
    assertThat(
            sheets
                .spreadsheets()
                .get(id)
                .execute()
                .getSheets()
                .getFirst()
                .getProperties()
                .getGridProperties()
                .getRowCount())
        .isEqualTo(1002);
  }

  @Test
  void appendToAnEmptySheetStartsAtTheRangeAndOverwriteKeepsTheGrid() throws Exception {
    String id = "write-append-empty";
    TestSheets.put(emulator, id, "Log", List.of());

    AppendValuesResponse response =
        sheets
            .spreadsheets()
            .values()
            .append(id, "Log!A1", rows(List.of(List.of("first"))))
            .setValueInputOption("RAW")
            .setInsertDataOption("OVERWRITE")
            .execute();

    assertThat(response.getTableRange()).isNull();
    assertThat(response.getUpdates().getUpdatedRange()).isEqualTo("Log!A1");
    assertThat(
            sheets
                .spreadsheets()
                .values()
                .append(id, "Log", rows(List.of(List.of("second"))))
                .setValueInputOption("RAW")
                .execute()
                .getUpdates()
                .getUpdatedRange())
        .isEqualTo("Log!A2");
    assertThat(
            sheets
                .spreadsheets()
                .get(id)
                .execute()
                .getSheets()
                .getFirst()
                .getProperties()
                .getGridProperties()
                .getRowCount())
        .isEqualTo(1000);
  }

  @Test
  void concurrentAppendsNeverLoseARow() throws Exception {
    String id = "write-concurrent";
    TestSheets.put(emulator, id, "Log", List.of(List.of("WHO")));
    List<Callable<Object>> appends = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String who = "w" + i;
      appends.add(
          () ->
              sheets
                  .spreadsheets()
                  .values()
                  .append(id, "Log!A:A", rows(List.of(List.of(who))))
                  .setValueInputOption("RAW")
                  .setInsertDataOption("INSERT_ROWS")
                  .execute());
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<Object> done : pool.invokeAll(appends)) {
        done.get();
      }
    }

    List<List<Object>> values = read(id, "Log!A2:A", "FORMATTED_VALUE");
    assertThat(values).hasSize(40);
    assertThat(values.stream().map(List::getFirst).distinct()).hasSize(40);
  }

  @Test
  void clearEmptiesTheRangeAndEchoesIt() throws Exception {
    String id = "write-clear";
    TestSheets.put(emulator, id, "Log", List.of(List.of("a", "b"), List.of("c", "d")));

    String cleared =
        sheets
            .spreadsheets()
            .values()
            .clear(id, "Log!B1:B", new ClearValuesRequest())
            .execute()
            .getClearedRange();

    assertThat(cleared).isEqualTo("Log!B1:B1000");
    assertThat(read(id, "Log", "FORMATTED_VALUE")).isEqualTo(List.of(List.of("a"), List.of("c")));
  }

  @Test
  void addSheetAndDeleteSheetChangeTheTabs() throws Exception {
    String id = "write-add-sheet";
    TestSheets.put(emulator, id, "Metadata", List.of());

    BatchUpdateSpreadsheetResponse added =
        sheets
            .spreadsheets()
            .batchUpdate(
                id,
                new BatchUpdateSpreadsheetRequest()
                    .setRequests(
                        List.of(
                            new Request()
                                .setAddSheet(
                                    new AddSheetRequest()
                                        .setProperties(
                                            new SheetProperties()
                                                .setTitle("Commands Log")
                                                .setGridProperties(
                                                    new GridProperties()
                                                        .setRowCount(10)
                                                        .setColumnCount(3)))))))
            .execute();

    SheetProperties properties = added.getReplies().getFirst().getAddSheet().getProperties();
    assertThat(properties.getTitle()).isEqualTo("Commands Log");
    assertThat(properties.getSheetId()).isEqualTo(1);
    assertThat(properties.getGridProperties().getRowCount()).isEqualTo(10);
    sheets
        .spreadsheets()
        .values()
        .update(id, "'Commands Log'!A1:C1", rows(List.of(List.of(1, 2, 3))))
        .setValueInputOption("RAW")
        .execute();
    assertThat(read(id, "'Commands Log'!A1:C", "FORMATTED_VALUE"))
        .isEqualTo(List.of(List.of("1", "2", "3")));

    GoogleJsonResponseException duplicate =
        TestSheets.failure(
            () ->
                sheets
                    .spreadsheets()
                    .batchUpdate(
                        id,
                        new BatchUpdateSpreadsheetRequest()
                            .setRequests(
                                List.of(
                                    new Request()
                                        .setAddSheet(
                                            new AddSheetRequest()
                                                .setProperties(
                                                    new SheetProperties()
                                                        .setTitle("commands log"))))))
                    .execute());
    assertThat(duplicate.getDetails().getMessage())
        .startsWith("Invalid requests[0].addSheet: A sheet with the name");

    sheets
        .spreadsheets()
        .batchUpdate(
            id,
            new BatchUpdateSpreadsheetRequest()
                .setRequests(
                    List.of(
                        new Request()
                            .setDeleteSheet(
                                new DeleteSheetRequest().setSheetId(properties.getSheetId())))))
        .execute();
    assertThat(sheets.spreadsheets().get(id).execute().getSheets())
        .extracting(s -> s.getProperties().getTitle())
        .containsExactly("Metadata");
  }
}
