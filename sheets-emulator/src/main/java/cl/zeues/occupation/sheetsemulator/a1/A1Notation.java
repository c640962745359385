package cl.zeues.occupation.sheetsemulator.a1;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes A1 notation as the Sheets API understands it: {@code 'Hoja Uno'!A1:B2}, {@code
 * Metadata!A:K}, {@code A2:K}, {@code 2:2}, {@code Sheet1} (whole sheet), {@code A1} (one cell of
 * the first sheet).
 */
public final class A1Notation {

  /** Column ZZZ, the widest column reference A1 notation can spell. */
  public static final int MAX_COLUMNS = 18_278;

  /** Google's cell limit bounds any sheet's row count; used only to reject absurd references. */
  public static final int MAX_ROWS = 10_000_000;

  private static final Pattern ENDPOINT = Pattern.compile("\\$?([A-Za-z]{0,3})\\$?([0-9]*)");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern CELL_LIKE = Pattern.compile("(?i)[A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*");

  private A1Notation() {}

  /**
   * Parses range text. Text without {@code !} is a cell reference on the first sheet when it reads
   * as one (Google prefers that reading even if a sheet has that name), otherwise a sheet title.
   *
   * @throws A1ParseException when the text cannot be a range
   */
  public static A1Range parse(String text) {
    if (text.isBlank()) {
      throw new A1ParseException(text);
    }
    if (text.startsWith("'")) {
      return parseQuoted(text);
    }
    int bang = text.lastIndexOf('!');
    if (bang < 0) {
      A1Range reference = parseReference(null, text);
      return reference != null ? reference : A1Range.wholeSheet(text);
    }
    String sheet = text.substring(0, bang);
    if (sheet.isEmpty() || sheet.contains("'")) {
      throw new A1ParseException(text);
    }
    return requireReference(sheet, text.substring(bang + 1), text);
  }

  private static A1Range parseQuoted(String text) {
    StringBuilder sheet = new StringBuilder();
    int i = 1;
    while (true) {
      if (i >= text.length()) {
        throw new A1ParseException(text);
      }
      char c = text.charAt(i);
      if (c == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          sheet.append('\'');
          i += 2;
          continue;
        }
        break;
      }
      sheet.append(c);
      i++;
    }
    String rest = text.substring(i + 1);
    if (sheet.isEmpty()) {
      throw new A1ParseException(text);
    }
    if (rest.isEmpty()) {
      return A1Range.wholeSheet(sheet.toString());
    }
    if (!rest.startsWith("!")) {
      throw new A1ParseException(text);
    }
    return requireReference(sheet.toString(), rest.substring(1), text);
  }

  private static A1Range requireReference(String sheet, String reference, String text) {
    A1Range range = parseReference(sheet, reference);
    if (range == null) {
      throw new A1ParseException(text);
    }
    return range;
  }

  private static @Nullable A1Range parseReference(@Nullable String sheet, String reference) {
    int colon = reference.indexOf(':');
    if (colon < 0) {
      Endpoint cell = endpoint(reference);
      if (cell == null || cell.row == null || cell.column == null) {
        return null;
      }
      return new A1Range(
          sheet, cell.row, cell.column, cell.row, cell.column, A1Range.Shape.SINGLE_CELL);
    }
    Endpoint first = endpoint(reference.substring(0, colon));
    Endpoint last = endpoint(reference.substring(colon + 1));
    if (first == null || last == null) {
      return null;
    }
    boolean rowsOnly = first.column == null && last.column == null;
    boolean columnsOnly = first.row == null && last.row == null;
    if ((rowsOnly && (first.row == null || last.row == null))
        || (columnsOnly && (first.column == null || last.column == null))) {
      return null;
    }
    int firstRow = first.row == null ? 0 : first.row;
    int firstColumn = first.column == null ? 0 : first.column;
    Integer lastRow = last.row;
    Integer lastColumn = last.column;
    if (lastRow != null && lastRow < firstRow) {
      int swap = firstRow;
      firstRow = lastRow;
      lastRow = swap;
    }
    if (lastColumn != null && lastColumn < firstColumn) {
      int swap = firstColumn;
      firstColumn = lastColumn;
      lastColumn = swap;
    }
    return new A1Range(sheet, firstRow, firstColumn, lastRow, lastColumn, A1Range.Shape.AREA);
  }

  private record Endpoint(@Nullable Integer row, @Nullable Integer column) {}

  private static @Nullable Endpoint endpoint(String text) {
    Matcher m = ENDPOINT.matcher(text);
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return null;
    }
    Integer column = m.group(1).isEmpty() ? null : columnIndex(m.group(1));
    Integer row = null;
    if (!m.group(2).isEmpty()) {
      if (m.group(2).length() > 8) {
        return null;
      }
      int oneBased = Integer.parseInt(m.group(2));
      if (oneBased < 1 || oneBased > MAX_ROWS) {
        return null;
      }
      row = oneBased - 1;
    }
    return new Endpoint(row, column);
  }

  /** {@code A} is 0, {@code Z} 25, {@code AA} 26. */
  public static int columnIndex(String letters) {
    int index = 0;
    for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c < 'A' || c > 'Z') {
        throw new IllegalArgumentException("not a column: " + letters);
      }
      index = index * 26 + (c - 'A' + 1);
    }
    return index - 1;
  }

  /** 0 is {@code A}, 25 {@code Z}, 26 {@code AA}. */
  public static String columnName(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("negative column " + index);
    }
    StringBuilder name = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      name.append((char) ('A' + (n - 1) % 26));
    }
    return name.reverse().toString();
  }

  /** The sheet part of a range, quoted only when a bare title would not parse back. */
  public static String sheetPrefix(String title) {
    if (PLAIN_NAME.matcher(title).matches() && !CELL_LIKE.matcher(title).matches()) {
      return title;
    }
    return "'" + title.replace("'", "''") + "'";
  }

  public static String cell(int row, int column) {
    return columnName(column) + (row + 1);
  }

  /** Prints a bounded area the way Google echoes it: {@code Metadata!A1:K12}, {@code Hoja!B3}. */
  public static String format(
      String sheet, int firstRow, int firstColumn, int lastRow, int lastColumn) {
    String prefix = sheetPrefix(sheet) + "!" + cell(firstRow, firstColumn);
    if (firstRow == lastRow && firstColumn == lastColumn) {
      return prefix;
    }
    return prefix + ":" + cell(lastRow, lastColumn);
  }
}
