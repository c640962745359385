package cl.zeues.occupation.projector.catalog.sheets;

import cl.zeues.occupation.projector.catalog.CatalogImportException;
import cl.zeues.occupation.projector.catalog.CatalogSheets;
import cl.zeues.occupation.sheets.HeaderNames;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.util.List;

/**
 * Reads the three catalog sheets whole with one {@code values.batchGet}, {@code UNFORMATTED_VALUE}
 * (a cell's format must not change what is read: pitfall 14) and {@code SERIAL_NUMBER} dates. Whole
 * sheets, because columns are found by header name and people move them. No retries here: a failed
 * read fails the run and the next scheduled run is the retry.
 */
public final class SheetsCatalogSheets implements CatalogSheets {

  private final Sheets sheets;
  private final String spreadsheetId;
  private final List<String> ranges;

  public SheetsCatalogSheets(
      Sheets sheets, String spreadsheetId, String operaciones, String trabajadores, String roles) {
    this.sheets = sheets;
    this.spreadsheetId = spreadsheetId;
    this.ranges =
        List.of(
            HeaderNames.sheetRef(operaciones),
            HeaderNames.sheetRef(trabajadores),
            HeaderNames.sheetRef(roles));
  }

  @Override
  public Rows read() {
    BatchGetValuesResponse response;
    try {
      response =
          sheets
              .spreadsheets()
              .values()
              .batchGet(spreadsheetId)
              .setRanges(ranges)
              .setValueRenderOption("UNFORMATTED_VALUE")
              .setDateTimeRenderOption("SERIAL_NUMBER")
              .setMajorDimension("ROWS")
              .execute();
    } catch (GoogleJsonResponseException e) {
      GoogleJsonError details = e.getDetails();
      throw new CatalogImportException(
          "reading %s from spreadsheet %s: Sheets answered %d %s"
              .formatted(
                  ranges,
                  spreadsheetId,
                  e.getStatusCode(),
                  details != null ? details.getMessage() : e.getStatusMessage()),
          e);
    } catch (IOException e) {
      throw new CatalogImportException(
          "reading %s from spreadsheet %s: %s".formatted(ranges, spreadsheetId, e), e);
    }
    List<ValueRange> answered = response.getValueRanges();
    if (answered == null || answered.size() != ranges.size()) {
      throw new CatalogImportException(
          "reading %s from spreadsheet %s: %d ranges answered"
              .formatted(ranges, spreadsheetId, answered == null ? 0 : answered.size()));
    }
    return new Rows(values(answered.get(0)), values(answered.get(1)), values(answered.get(2)));
  }

  private static List<List<Object>> values(ValueRange range) {
    List<List<Object>> values = range.getValues();
    return values == null ? List.of() : values;
  }
}
