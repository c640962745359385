package cl.zeues.occupation.sheetsemulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorsIT {

  private static final String ID = "errors-it";
  private static final SheetsEmulator emulator = new SheetsEmulator();
  private static Sheets sheets;

  @BeforeAll
  static void start() {
    emulator.start(EmulatorConfig.defaults());
    sheets = TestSheets.client(emulator);
    TestSheets.put(emulator, ID, "Metadata", List.of(List.of("x")));
  }

  @AfterAll
  static void stop() {
    emulator.stop();
  }

  @Test
  void malformedRangeIsInvalidArgument() {
    GoogleJsonResponseException e =
        TestSheets.failure(() -> sheets.spreadsheets().values().get(ID, "Metadata!A0:B").execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
    GoogleJsonError details = e.getDetails();
    assertThat(details.getCode()).isEqualTo(400);
    assertThat(details.getMessage()).isEqualTo("Unable to parse range: Metadata!A0:B");
    assertThat(details.get("status")).isEqualTo("INVALID_ARGUMENT");
    assertThat(details.getErrors().getFirst().getReason()).isEqualTo("badRequest");
    assertThat(details.getErrors().getFirst().getDomain()).isEqualTo("global");
  }

  @Test
  void unknownSheetIsUnableToParseRangeLikeGoogle() {
    GoogleJsonResponseException e =
        TestSheets.failure(
            () -> sheets.spreadsheets().values().get(ID, "'No Such'!A1:B2").execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getDetails().getMessage()).isEqualTo("Unable to parse range: 'No Such'!A1:B2");
  }

  @Test
  void unknownSpreadsheetIsNotFound() {
    GoogleJsonResponseException e =
        TestSheets.failure(
            () -> sheets.spreadsheets().values().get("errors-missing", "A1").execute());

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getDetails().get("status")).isEqualTo("NOT_FOUND");
    assertThat(e.getDetails().getMessage()).isEqualTo("Requested entity was not found.");
    assertThat(
            TestSheets.failure(() -> sheets.spreadsheets().get("errors-missing").execute())
                .getStatusCode())
        .isEqualTo(404);
  }

  @Test
  void explicitRangePastTheGridExceedsGridLimits() {
    GoogleJsonResponseException e =
        TestSheets.failure(
            () -> sheets.spreadsheets().values().get(ID, "Metadata!A1:B1001").execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getDetails().getMessage())
        .isEqualTo(
            "Range (Metadata!A1:B1001) exceeds grid limits. Max rows: 1000, max columns: 26");
  }

  @Test
  void updateNeverGrowsTheGrid() {
    GoogleJsonResponseException e =
        TestSheets.failure(
            () ->
                sheets
                    .spreadsheets()
                    .values()
                    .update(
                        ID, "Metadata!Z1", new ValueRange().setValues(List.of(List.of("y", "z"))))
                    .setValueInputOption("RAW")
                    .execute());

    assertThat(e.getDetails().getMessage())
        .isEqualTo("Range (Metadata!Z1:AA1) exceeds grid limits. Max rows: 1000, max columns: 26");
  }

  @Test
  void missingValueInputOptionIsABadRequest() {
    GoogleJsonResponseException e =
        TestSheets.failure(
            () ->
                sheets
                    .spreadsheets()
                    .values()
                    .update(ID, "Metadata!A2", new ValueRange().setValues(List.of(List.of("y"))))
                    .execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getDetails().getMessage()).contains("valueInputOption");
  }
}
