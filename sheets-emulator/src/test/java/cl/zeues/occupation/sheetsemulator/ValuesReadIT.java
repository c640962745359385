package cl.zeues.occupation.sheetsemulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ValuesReadIT {

  private static final String ID = "read-it";
  private static final SheetsEmulator emulator = new SheetsEmulator();
  private static Sheets sheets;

  @BeforeAll
  static void start() {
    emulator.start(EmulatorConfig.defaults());
    sheets = TestSheets.client(emulator);
    TestSheets.put(
        emulator,
        ID,
        "Metadata",
        List.of(
            List.of("TAG", "QTY", "OK"),
            List.of("S-1", 3, true),
            List.of("S-2", 1.5),
            List.of(),
            List.of("S-4", "", "", "")),
        "Hoja Uno Año",
        List.of(List.of("a", "b"), List.of("c", "d")));
  }

  @AfterAll
  static void stop() {
    emulator.stop();
  }

  @Test
  void quotedSheetNameWithSpacesAndAccentsIsReadAndEchoedQuoted() throws Exception {
    ValueRange range = sheets.spreadsheets().values().get(ID, "'Hoja Uno Año'!A1:B2").execute();

    assertThat(range.getRange()).isEqualTo("'Hoja Uno Año'!A1:B2");
    assertThat(range.getMajorDimension()).isEqualTo("ROWS");
    assertThat(range.getValues()).isEqualTo(List.of(List.of("a", "b"), List.of("c", "d")));
  }

  @Test
  void openColumnRangeIsClippedToTheGridAndTrailingBlanksAreTrimmed() throws Exception {
    ValueRange range = sheets.spreadsheets().values().get(ID, "Metadata!A:K").execute();

    assertThat(range.getRange()).isEqualTo("Metadata!A1:K1000");
    assertThat(range.getValues())
        .isEqualTo(
            List.of(
                List.of("TAG", "QTY", "OK"),
                List.of("S-1", "3", "TRUE"),
                List.of("S-2", "1.5"),
                List.of(),
                List.of("S-4")));
  }

  @Test
  void openRangeFromASecondRowSkipsTheHeader() throws Exception {
    ValueRange range = sheets.spreadsheets().values().get(ID, "Metadata!A2:B").execute();

    assertThat(range.getRange()).isEqualTo("Metadata!A2:B1000");
    assertThat(range.getValues().getFirst()).isEqualTo(List.of("S-1", "3"));
  }

  @Test
  void bareSheetNameReadsTheWholeSheet() throws Exception {
    ValueRange range = sheets.spreadsheets().values().get(ID, "Metadata").execute();

    assertThat(range.getRange()).isEqualTo("Metadata!A1:Z1000");
    assertThat(range.getValues()).hasSize(5);
  }

  @Test
  void rowRangeAndSingleCellAreEchoedLikeGoogle() throws Exception {
    assertThat(sheets.spreadsheets().values().get(ID, "Metadata!2:2").execute().getRange())
        .isEqualTo("Metadata!A2:Z2");
    ValueRange cell = sheets.spreadsheets().values().get(ID, "Metadata!B2").execute();
    assertThat(cell.getRange()).isEqualTo("Metadata!B2");
    assertThat(cell.getValues()).isEqualTo(List.of(List.of("3")));
  }

  @Test
  void rangeWithoutSheetNameReadsTheFirstSheet() throws Exception {
    assertThat(sheets.spreadsheets().values().get(ID, "A1").execute().getRange())
        .isEqualTo("Metadata!A1");
  }

  @Test
  void emptyAreaHasNoValues() throws Exception {
    ValueRange range = sheets.spreadsheets().values().get(ID, "Metadata!D10:E12").execute();

    assertThat(range.getRange()).isEqualTo("Metadata!D10:E12");
    assertThat(range.getValues()).isNull();
  }

  @Test
  void unformattedValuesKeepTheirJsonTypes() throws Exception {
    ValueRange range =
        sheets
            .spreadsheets()
            .values()
            .get(ID, "Metadata!A2:C3")
            .setValueRenderOption("UNFORMATTED_VALUE")
            .execute();

    assertThat(range.getValues().get(0)).containsExactly("S-1", new BigDecimal("3"), true);
    assertThat(range.getValues().get(1)).containsExactly("S-2", new BigDecimal("1.5"));
  }

  @Test
  void columnsMajorDimensionTransposes() throws Exception {
    ValueRange range =
        sheets
            .spreadsheets()
            .values()
            .get(ID, "'Hoja Uno Año'!A1:B2")
            .setMajorDimension("COLUMNS")
            .execute();

    assertThat(range.getValues()).isEqualTo(List.of(List.of("a", "c"), List.of("b", "d")));
  }

  @Test
  void batchGetReturnsEveryRangeInOrder() throws Exception {
    BatchGetValuesResponse response =
        sheets
            .spreadsheets()
            .values()
            .batchGet(ID)
            .setRanges(List.of("'Hoja Uno Año'!B1:B2", "Metadata!A1:A2"))
            .execute();

    assertThat(response.getSpreadsheetId()).isEqualTo(ID);
    assertThat(response.getValueRanges())
        .extracting(ValueRange::getRange)
        .containsExactly("'Hoja Uno Año'!B1:B2", "Metadata!A1:A2");
    assertThat(response.getValueRanges().get(1).getValues())
        .isEqualTo(List.of(List.of("TAG"), List.of("S-1")));
  }

  @Test
  void spreadsheetGetListsSheetsWithIdsAndGridSizes() throws Exception {
    Spreadsheet spreadsheet = sheets.spreadsheets().get(ID).setIncludeGridData(false).execute();

    assertThat(spreadsheet.getSpreadsheetId()).isEqualTo(ID);
    assertThat(spreadsheet.getSheets())
        .extracting(s -> s.getProperties().getTitle())
        .containsExactly("Metadata", "Hoja Uno Año");
    Sheet first = spreadsheet.getSheets().getFirst();
    assertThat(first.getProperties().getSheetId()).isZero();
    assertThat(first.getProperties().getIndex()).isZero();
    assertThat(first.getProperties().getGridProperties().getRowCount()).isEqualTo(1000);
    assertThat(first.getProperties().getGridProperties().getColumnCount()).isEqualTo(26);
  }
}
