package cl.zeues.occupation.sheets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a sheet's required columns are, as read from its header row, and the A1 ranges and row
 * layouts that follow from it. Comparing the layout of this flush with the one the last flush used
 * is how column drift (someone inserting, moving or renaming a column) is caught before a single
 * cell is written into the wrong place.
 */
public final class ColumnLayout {

  private final String sheet;
  private final List<String> header;
  private final Map<String, Integer> columns = new LinkedHashMap<>();
  private final List<String> missing = new ArrayList<>();

  private ColumnLayout(String sheet, List<?> headerRow, List<String> required) {
    this.sheet = sheet;
    this.header = headerRow.stream().map(cell -> cell == null ? "" : cell.toString()).toList();
    HeaderNames names = HeaderNames.of(headerRow);
    for (String name : required) {
      Optional<Integer> index = names.indexOf(name);
      if (index.isPresent()) {
        columns.put(name, index.get());
      } else {
        missing.add(name);
      }
    }
  }

  public static ColumnLayout of(String sheet, List<?> headerRow, List<String> required) {
    return new ColumnLayout(sheet, headerRow, required);
  }

  /** A sheet's header row: {@code 'Operaciones'!1:1}. */
  public static String headerRange(String sheet) {
    return HeaderNames.sheetRef(sheet) + "!1:1";
  }

  public String sheet() {
    return sheet;
  }

  /** The header row's hash: equal hashes mean nothing moved (cheap check per flush). */
  public int headerHash() {
    return header.hashCode();
  }

  public boolean sameHeader(ColumnLayout other) {
    return headerHash() == other.headerHash() && header.equals(other.header);
  }

  public boolean isComplete() {
    return missing.isEmpty();
  }

  public List<String> missing() {
    return List.copyOf(missing);
  }

  /** The 0-based index of each required column found, in the order they were required. */
  public Map<String, Integer> columns() {
    return Collections.unmodifiableMap(columns);
  }

  /** The 0-based index of a required column; only valid when {@link #isComplete()}. */
  public int column(String name) {
    Integer index = columns.get(name);
    if (index == null) {
      throw new IllegalStateException(sheet + " has no column " + name);
    }
    return index;
  }

  public String letters(String name) {
    return HeaderNames.letters(column(name));
  }

  /** One cell of a required column: {@code 'Operaciones'!BO12}. */
  public String cell(String name, int row) {
    return HeaderNames.sheetRef(sheet) + "!" + letters(name) + row;
  }

  /** A required column from {@code fromRow} down: {@code 'Metadata'!A2:A}. */
  public String columnRange(String name, int fromRow) {
    String letters = letters(name);
    return HeaderNames.sheetRef(sheet) + "!" + letters + fromRow + ":" + letters;
  }

  /**
   * The table the required columns span, from the leftmost to the rightmost: what an append
   * targets, so rows land under the table and nothing beside it moves.
   */
  public String tableRange() {
    return HeaderNames.sheetRef(sheet)
        + "!"
        + HeaderNames.letters(first())
        + ":"
        + HeaderNames.letters(last());
  }

  /** {@link #tableRange()} from {@code fromRow} down: {@code 'Metadata'!A2:K}. */
  public String tableRange(int fromRow) {
    return HeaderNames.sheetRef(sheet)
        + "!"
        + HeaderNames.letters(first())
        + fromRow
        + ":"
        + HeaderNames.letters(last());
  }

  /**
   * A row for {@link #tableRange()}: each value under its column, {@code ""} in the columns between
   * that are not given (a column not in this layout is left out).
   */
  public List<Object> row(Map<String, ?> byHeader) {
    int first = first();
    Object[] row = new Object[last() - first + 1];
    Arrays.fill(row, "");
    byHeader.forEach(
        (name, value) -> {
          Integer index = columns.get(name);
          if (index != null) {
            row[index - first] = value;
          }
        });
    return Arrays.asList(row);
  }

  /**
   * The required columns' cells of a row read from {@link #tableRange()}, by header name; empty
   * cells (absent or null) are left out.
   */
  public Map<String, Object> byHeader(List<?> tableRow) {
    int first = first();
    Map<String, Object> cells = new LinkedHashMap<>();
    columns.forEach(
        (name, column) -> {
          int index = column - first;
          if (index < tableRow.size() && tableRow.get(index) != null) {
            cells.put(name, tableRow.get(index));
          }
        });
    return cells;
  }

  private int first() {
    return columns.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
  }

  private int last() {
    return columns.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  /**
   * Required columns present in both layouts but at another position, as {@code Name (BO -> BP)}.
   */
  public List<String> movedSince(ColumnLayout accepted) {
    List<String> moved = new ArrayList<>();
    columns.forEach(
        (name, index) -> {
          Integer before = accepted.columns.get(name);
          if (before != null && !before.equals(index)) {
            moved.add(
                name
                    + " ("
                    + HeaderNames.letters(before)
                    + " -> "
                    + HeaderNames.letters(index)
                    + ")");
          }
        });
    return moved;
  }
}
