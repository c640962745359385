package cl.zeues.occupation.sheetsemulator;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.sheetsemulator.grid.Cell;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceIT {

  @TempDir Path dir;

  @Test
  void dataSurvivesARestartOnTheSameFile() throws Exception {
    Path file = dir.resolve("data/sheets.json");
    String id = "persist-it";
    try (SheetsEmulator first = new SheetsEmulator()) {
      first.start(EmulatorConfig.defaults().withDataFile(file));
      TestSheets.put(first, id, "Log", List.of());
      Sheets sheets = TestSheets.client(first);
      sheets
          .spreadsheets()
          .values()
          .update(id, "Log!A1", new ValueRange().setValues(List.of(List.of("=1+1", "text", 3))))
          .setValueInputOption("RAW")
          .execute();
      sheets
          .spreadsheets()
          .values()
          .update(id, "Log!A2", new ValueRange().setValues(List.of(List.of("=1+1"))))
          .setValueInputOption("USER_ENTERED")
          .execute();
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
                                      .setProperties(new SheetProperties().setTitle("Hoja Dos"))))))
          .execute();
    }

    try (SheetsEmulator second = new SheetsEmulator()) {
      second.start(EmulatorConfig.defaults().withDataFile(file));
      Sheets sheets = TestSheets.client(second);

      assertThat(
              sheets
                  .spreadsheets()
                  .values()
                  .get(id, "Log")
                  .setValueRenderOption("FORMULA")
                  .execute()
                  .getValues())
          .isEqualTo(
              List.of(List.of("=1+1", "text", new java.math.BigDecimal("3")), List.of("=1+1")));
      assertThat(second.cell(id, "Log!A1")).contains(new Cell.Text("=1+1"));
      assertThat(second.cell(id, "Log!A2")).contains(new Cell.Formula("=1+1"));
      assertThat(sheets.spreadsheets().get(id).execute().getSheets())
          .extracting(s -> s.getProperties().getTitle())
          .containsExactly("Log", "Hoja Dos");
    }
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void theSameInstanceCanBeStartedAgain() {
    Path file = dir.resolve("again.json");
    SheetsEmulator emulator = new SheetsEmulator();
    emulator.start(EmulatorConfig.defaults().withDataFile(file));
    TestSheets.put(emulator, "persist-again", "Log", List.of(List.of("kept")));
    emulator.stop();

    emulator.start(EmulatorConfig.defaults().withDataFile(file));
    try {
      assertThat(emulator.cell("persist-again", "Log!A1")).contains(new Cell.Text("kept"));
    } finally {
      emulator.stop();
    }
  }
}
