package cl.zeues.occupation.sheetsemulator.grid;

import cl.zeues.occupation.sheetsemulator.a1.A1Notation;
import cl.zeues.occupation.sheetsemulator.a1.A1ParseException;
import cl.zeues.occupation.sheetsemulator.a1.A1Range;
import cl.zeues.occupation.sheetsemulator.grid.Responses.AppendValuesResponse;
import cl.zeues.occupation.sheetsemulator.grid.Responses.ClearValuesResponse;
import cl.zeues.occupation.sheetsemulator.grid.Responses.UpdateValuesResponse;
import cl.zeues.occupation.sheetsemulator.grid.Responses.ValueRange;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code spreadsheets.values} operations on one spreadsheet, with Google's semantics: ranges
 * are echoed normalized, reads trim trailing empty rows and cells, updates never grow the grid,
 * appends land after the table and add rows. Writes mutate the given spreadsheet, which the caller
 * owns exclusively.
 */
public final class ValueOperations {

  private ValueOperations() {}

  public static ValueRange get(
      Spreadsheet spreadsheet, String range, ValueRenderOption render, MajorDimension dimension) {
    return read(readArea(spreadsheet, range), render, dimension);
  }

  public static UpdateValuesResponse update(
      Spreadsheet spreadsheet,
      String range,
      ValuesInput input,
      ValueInputOption option,
      @Nullable ValueRenderOption responseRender) {
    A1Range parsed = parse(range);
    Sheet sheet = sheet(spreadsheet, parsed, range);
    if (input.height() == 0) {
      GridArea requested = clip(sheet, parsed, range);
      return new UpdateValuesResponse(spreadsheet.spreadsheetId(), requested.a1(), 0, 0, 0, null);
    }
    GridArea target =
        new GridArea(
            sheet,
            parsed.firstRow(),
            parsed.firstColumn(),
            parsed.firstRow() + input.height() - 1,
            parsed.firstColumn() + Math.max(input.width(), 1) - 1);
    if (parsed.shape() == A1Range.Shape.AREA) {
      requireWithin(sheet, parsed, target);
    }
    requireInsideGrid(target);
    return write(spreadsheet, target, input, option, responseRender);
  }

  public static AppendValuesResponse append(
      Spreadsheet spreadsheet,
      String range,
      ValuesInput input,
      ValueInputOption option,
      InsertDataOption insert,
      @Nullable ValueRenderOption responseRender) {
    A1Range parsed = parse(range);
    Sheet sheet = sheet(spreadsheet, parsed, range);
    if (parsed.firstRow() >= sheet.rowCount() || parsed.firstColumn() >= sheet.columnCount()) {
      throw exceedsGrid(
          sheet, parsed.firstRow(), parsed.firstColumn(), parsed.firstRow(), parsed.firstColumn());
    }
    boolean searchWholeRows = parsed.shape() != A1Range.Shape.AREA;
    int searchLastRow =
        parsed.lastRow() == null || searchWholeRows
            ? sheet.rowCount() - 1
            : Math.min(parsed.lastRow(), sheet.rowCount() - 1);
    int searchLastColumn =
        parsed.lastColumn() == null || searchWholeRows
            ? sheet.columnCount() - 1
            : Math.min(parsed.lastColumn(), sheet.columnCount() - 1);
    int firstColumn = parsed.firstColumn();
    int tableFirst =
        sheet.firstRowWithData(parsed.firstRow(), searchLastRow, firstColumn, searchLastColumn);

    String tableRange = null;
    int writeRow = parsed.firstRow();
    int writeColumn = firstColumn;
    if (tableFirst >= 0) {
      int tableLast =
          sheet.lastRowWithData(tableFirst, searchLastRow, firstColumn, searchLastColumn);
      int tableFirstColumn = Integer.MAX_VALUE;
      int tableLastColumn = -1;
      for (int r = tableFirst; r <= tableLast; r++) {
        int first = sheet.firstColumnWithData(r, firstColumn, searchLastColumn);
        if (first >= 0) {
          tableFirstColumn = Math.min(tableFirstColumn, first);
          tableLastColumn =
              Math.max(tableLastColumn, sheet.lastColumnWithData(r, firstColumn, searchLastColumn));
        }
      }
      tableRange =
          A1Notation.format(
              sheet.title(), tableFirst, tableFirstColumn, tableLast, tableLastColumn);
      writeRow = tableLast + 1;
      writeColumn = tableFirstColumn;
    }
    if (input.height() == 0) {
      GridArea anchor = new GridArea(sheet, writeRow, writeColumn, writeRow, writeColumn);
      return new AppendValuesResponse(
          spreadsheet.spreadsheetId(),
          tableRange,
          new UpdateValuesResponse(spreadsheet.spreadsheetId(), anchor.a1(), 0, 0, 0, null));
    }
    GridArea target =
        new GridArea(
            sheet,
            writeRow,
            writeColumn,
            writeRow + input.height() - 1,
            writeColumn + Math.max(input.width(), 1) - 1);
    if (target.lastColumn() >= sheet.columnCount()) {
      throw exceedsGrid(
          sheet, target.firstRow(), target.firstColumn(), target.lastRow(), target.lastColumn());
    }
    switch (insert) {
      case INSERT_ROWS -> sheet.insertRows(writeRow, input.height());
      case OVERWRITE -> sheet.ensureRows(target.lastRow() + 1);
    }
    UpdateValuesResponse updates = write(spreadsheet, target, input, option, responseRender);
    return new AppendValuesResponse(spreadsheet.spreadsheetId(), tableRange, updates);
  }

  public static ClearValuesResponse clear(Spreadsheet spreadsheet, String range) {
    GridArea area = readArea(spreadsheet, range);
    Sheet sheet = area.sheet();
    for (int r = area.firstRow(); r <= Math.min(area.lastRow(), sheet.dataRows() - 1); r++) {
      for (int c = area.firstColumn(); c <= area.lastColumn(); c++) {
        sheet.set(r, c, null);
      }
    }
    return new ClearValuesResponse(spreadsheet.spreadsheetId(), area.a1());
  }

  /** All of a sheet, as {@code spreadsheets.values.get} of its bare title returns it. */
  public static ValueRange readSheet(Sheet sheet, ValueRenderOption render) {
    return read(
        new GridArea(sheet, 0, 0, sheet.rowCount() - 1, sheet.columnCount() - 1),
        render,
        MajorDimension.ROWS);
  }

  /** The sheet a range refers to. */
  public static Sheet sheetOf(Spreadsheet spreadsheet, String range) {
    return sheet(spreadsheet, parse(range), range);
  }

  /** The area a read or clear covers: open ends stop at the grid's edge. */
  public static GridArea readArea(Spreadsheet spreadsheet, String range) {
    A1Range parsed = parse(range);
    return clip(sheet(spreadsheet, parsed, range), parsed, range);
  }

  private static GridArea clip(Sheet sheet, A1Range parsed, String range) {
    int lastRow = parsed.lastRow() == null ? sheet.rowCount() - 1 : parsed.lastRow();
    int lastColumn = parsed.lastColumn() == null ? sheet.columnCount() - 1 : parsed.lastColumn();
    GridArea area =
        new GridArea(sheet, parsed.firstRow(), parsed.firstColumn(), lastRow, lastColumn);
    requireInsideGrid(area);
    return area;
  }

  static ValueRange read(GridArea area, ValueRenderOption render, MajorDimension dimension) {
    Sheet sheet = area.sheet();
    List<List<Object>> rows = new ArrayList<>();
    int lastDataRow = Math.min(area.lastRow(), sheet.dataRows() - 1);
    for (int r = area.firstRow(); r <= lastDataRow; r++) {
      List<@Nullable Object> row = new ArrayList<>();
      for (int c = area.firstColumn(); c <= area.lastColumn(); c++) {
        Cell cell = sheet.get(r, c);
        row.add(cell == null ? null : CellValues.render(cell, render));
      }
      rows.add(trimmed(row));
    }
    if (dimension == MajorDimension.COLUMNS) {
      rows = fillBlanks(ValuesInput.transpose(nullsForBlanks(rows)));
    }
    while (!rows.isEmpty() && rows.getLast().isEmpty()) {
      rows.removeLast();
    }
    return new ValueRange(area.a1(), dimension.name(), rows);
  }

  /** Trailing empty cells are dropped; inner ones become {@code ""}, as Google returns them. */
  private static List<Object> trimmed(List<@Nullable Object> row) {
    while (!row.isEmpty() && row.getLast() == null) {
      row.removeLast();
    }
    List<Object> out = new ArrayList<>(row.size());
    for (Object value : row) {
      out.add(value == null ? "" : value);
    }
    return out;
  }

  private static List<List<@Nullable Object>> nullsForBlanks(List<List<Object>> rows) {
    List<List<@Nullable Object>> out = new ArrayList<>();
    for (List<Object> row : rows) {
      List<@Nullable Object> copy = new ArrayList<>();
      for (Object value : row) {
        copy.add("".equals(value) ? null : value);
      }
      out.add(copy);
    }
    return out;
  }

  private static List<List<Object>> fillBlanks(List<List<@Nullable Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<@Nullable Object> row : rows) {
      out.add(trimmed(new ArrayList<>(row)));
    }
    return out;
  }

  private static UpdateValuesResponse write(
      Spreadsheet spreadsheet,
      GridArea target,
      ValuesInput input,
      ValueInputOption option,
      @Nullable ValueRenderOption responseRender) {
    Sheet sheet = target.sheet();
    for (int i = 0; i < input.height(); i++) {
      List<@Nullable Object> row = input.rows().get(i);
      for (int j = 0; j < row.size(); j++) {
        Object value = row.get(j);
        if (value != null) {
          sheet.set(
              target.firstRow() + i, target.firstColumn() + j, CellValues.fromInput(value, option));
        }
      }
    }
    ValueRange updatedData =
        responseRender == null ? null : read(target, responseRender, MajorDimension.ROWS);
    return new UpdateValuesResponse(
        spreadsheet.spreadsheetId(),
        target.a1(),
        input.height(),
        input.width(),
        input.cellCount(),
        updatedData);
  }

  private static void requireWithin(Sheet sheet, A1Range parsed, GridArea target) {
    String requested =
        A1Notation.format(
            sheet.title(),
            parsed.firstRow(),
            parsed.firstColumn(),
            parsed.lastRow() == null ? sheet.rowCount() - 1 : parsed.lastRow(),
            parsed.lastColumn() == null ? sheet.columnCount() - 1 : parsed.lastColumn());
    if (parsed.lastRow() != null && target.lastRow() > parsed.lastRow()) {
      throw GoogleApiException.badRequest(
          "Requested writing within range ["
              + requested
              + "], but tried writing to row ["
              + (target.lastRow() + 1)
              + "]");
    }
    if (parsed.lastColumn() != null && target.lastColumn() > parsed.lastColumn()) {
      throw GoogleApiException.badRequest(
          "Requested writing within range ["
              + requested
              + "], but tried writing to column ["
              + A1Notation.columnName(target.lastColumn())
              + "]");
    }
  }

  private static void requireInsideGrid(GridArea area) {
    Sheet sheet = area.sheet();
    if (area.lastRow() >= sheet.rowCount() || area.lastColumn() >= sheet.columnCount()) {
      throw exceedsGrid(
          sheet, area.firstRow(), area.firstColumn(), area.lastRow(), area.lastColumn());
    }
  }

  private static GoogleApiException exceedsGrid(
      Sheet sheet, int firstRow, int firstColumn, int lastRow, int lastColumn) {
    return GoogleApiException.badRequest(
        "Range ("
            + A1Notation.format(sheet.title(), firstRow, firstColumn, lastRow, lastColumn)
            + ") exceeds grid limits. Max rows: "
            + sheet.rowCount()
            + ", max columns: "
            + sheet.columnCount());
  }

  private static A1Range parse(String range) {
    try {
      return A1Notation.parse(range);
    } catch (A1ParseException e) {
      throw GoogleApiException.badRequest(e.getMessage());
    }
  }

  /** An unknown sheet is a parse failure to Google, not a 404. */
  private static Sheet sheet(Spreadsheet spreadsheet, A1Range parsed, String range) {
    if (parsed.sheet() == null) {
      return spreadsheet.sheets().getFirst();
    }
    return spreadsheet
        .sheet(parsed.sheet())
        .orElseThrow(() -> GoogleApiException.badRequest("Unable to parse range: " + range));
  }
}
