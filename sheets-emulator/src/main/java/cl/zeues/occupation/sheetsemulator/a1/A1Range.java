package cl.zeues.occupation.sheetsemulator.a1;

import org.jspecify.annotations.Nullable;

/**
 * A range as written in A1 notation, not yet checked against a sheet. Indices are zero-based and
 * inclusive; a {@code null} last row or column means "to the edge of the grid".
 *
 * @param sheet the sheet title, or {@code null} for the first sheet
 * @param shape whether the text named a whole sheet, a single cell or an area
 */
public record A1Range(
    @Nullable String sheet,
    int firstRow,
    int firstColumn,
    @Nullable Integer lastRow,
    @Nullable Integer lastColumn,
    Shape shape) {

  /** What the range text looked like, which decides how writes and appends anchor. */
  public enum Shape {
    WHOLE_SHEET,
    SINGLE_CELL,
    AREA
  }

  public static A1Range wholeSheet(@Nullable String sheet) {
    return new A1Range(sheet, 0, 0, null, null, Shape.WHOLE_SHEET);
  }

  public boolean hasOpenEnd() {
    return lastRow == null || lastColumn == null;
  }
}
