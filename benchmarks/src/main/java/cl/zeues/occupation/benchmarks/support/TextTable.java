package cl.zeues.occupation.benchmarks.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table: the first column left-aligned (labels), the others right-aligned (figures),
 * every column as wide as its widest cell.
 */
public final class TextTable {

  private final List<String[]> rows = new ArrayList<>();

  /** Adds a row; every row must have as many cells as the first. */
  public TextTable row(String... cells) {
    if (!rows.isEmpty() && cells.length != rows.getFirst().length) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + rows.getFirst().length);
    }
    rows.add(cells.clone());
    return this;
  }

  public TextTable row(List<String> cells) {
    return row(cells.toArray(String[]::new));
  }

  public String render() {
    if (rows.isEmpty()) {
      return "";
    }
    int columns = rows.getFirst().length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(String.format("%-" + widths[0] + "s", row[0]));
      for (int c = 1; c < columns; c++) {
        line.append("  ").append(String.format("%" + widths[c] + "s", row[c]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** {@code value} with {@code decimals} decimals, in the ROOT locale (a dot, never a comma). */
  public static String fmt(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
