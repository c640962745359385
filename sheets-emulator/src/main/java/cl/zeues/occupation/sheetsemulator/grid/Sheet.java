package cl.zeues.occupation.sheetsemulator.grid;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One tab: a title, a grid size and its cells. Rows are stored sparsely (only up to the last row
 * ever holding data), so a 1000-row empty sheet costs nothing. Not thread-safe: the store mutates
 * private copies and publishes them whole.
 */
public final class Sheet {

  public static final int DEFAULT_ROWS = 1000;
  public static final int DEFAULT_COLUMNS = 26;

  private final int sheetId;
  private final String title;
  private int rowCount;
  private int columnCount;
  private final List<List<@Nullable Cell>> rows;

  public Sheet(int sheetId, String title, int rowCount, int columnCount) {
    this(sheetId, title, rowCount, columnCount, new ArrayList<>());
  }

  private Sheet(
      int sheetId, String title, int rowCount, int columnCount, List<List<@Nullable Cell>> rows) {
    if (rowCount < 1 || columnCount < 1) {
      throw GoogleApiException.badRequest("A sheet needs at least one row and one column.");
    }
    this.sheetId = sheetId;
    this.title = title;
    this.rowCount = rowCount;
    this.columnCount = columnCount;
    this.rows = rows;
  }

  Sheet copy() {
    List<List<@Nullable Cell>> copied = new ArrayList<>(rows.size());
    for (List<@Nullable Cell> row : rows) {
      copied.add(new ArrayList<>(row));
    }
    return new Sheet(sheetId, title, rowCount, columnCount, copied);
  }

  public int sheetId() {
    return sheetId;
  }

  public String title() {
    return title;
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return columnCount;
  }

  public @Nullable Cell get(int row, int column) {
    if (row >= rows.size()) {
      return null;
    }
    List<@Nullable Cell> cells = rows.get(row);
    return column < cells.size() ? cells.get(column) : null;
  }

  /** Stores a cell; growing the grid is the caller's decision, writing outside it is a bug. */
  public void set(int row, int column, @Nullable Cell cell) {
    if (row >= rowCount || column >= columnCount) {
      throw new IllegalStateException("write outside the grid of " + title);
    }
    if (cell == null && get(row, column) == null) {
      return;
    }
    while (rows.size() <= row) {
      rows.add(new ArrayList<>());
    }
    List<@Nullable Cell> cells = rows.get(row);
    while (cells.size() <= column) {
      cells.add(null);
    }
    cells.set(column, cell);
    if (cell == null) {
      trim(row);
    }
  }

  private void trim(int row) {
    List<@Nullable Cell> cells = rows.get(row);
    while (!cells.isEmpty() && cells.getLast() == null) {
      cells.removeLast();
    }
    while (!rows.isEmpty() && rows.getLast().isEmpty()) {
      rows.removeLast();
    }
  }

  /** Inserts empty rows before {@code at}, shifting the rows below down, like INSERT_ROWS. */
  public void insertRows(int at, int count) {
    rowCount += count;
    if (at < rows.size()) {
      for (int i = 0; i < count; i++) {
        rows.add(at, new ArrayList<>());
      }
    }
  }

  public void ensureRows(int count) {
    rowCount = Math.max(rowCount, count);
  }

  public void ensureColumns(int count) {
    columnCount = Math.max(columnCount, count);
  }

  /** The last row index in the area holding any value, or -1. */
  public int lastRowWithData(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    for (int r = Math.min(lastRow, rows.size() - 1); r >= firstRow; r--) {
      if (firstColumnWithData(r, firstColumn, lastColumn) >= 0) {
        return r;
      }
    }
    return -1;
  }

  /** The first row index in the area holding any value, or -1. */
  public int firstRowWithData(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    for (int r = firstRow; r <= Math.min(lastRow, rows.size() - 1); r++) {
      if (firstColumnWithData(r, firstColumn, lastColumn) >= 0) {
        return r;
      }
    }
    return -1;
  }

  /** The first column index of a row within bounds holding a value, or -1. */
  public int firstColumnWithData(int row, int firstColumn, int lastColumn) {
    for (int c = firstColumn; c <= lastColumn; c++) {
      if (get(row, c) != null) {
        return c;
      }
    }
    return -1;
  }

  /** The last column index of a row within bounds holding a value, or -1. */
  public int lastColumnWithData(int row, int firstColumn, int lastColumn) {
    for (int c = lastColumn; c >= firstColumn; c--) {
      if (get(row, c) != null) {
        return c;
      }
    }
    return -1;
  }

  /** Number of stored cells in a row; everything right of them is empty. */
  public int width(int row) {
    return row < rows.size() ? rows.get(row).size() : 0;
  }

  /** Number of stored rows; everything from here down is empty. */
  public int dataRows() {
    return rows.size();
  }
}
