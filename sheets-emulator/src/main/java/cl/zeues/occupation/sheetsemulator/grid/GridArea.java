package cl.zeues.occupation.sheetsemulator.grid;

import cl.zeues.occupation.sheetsemulator.a1.A1Notation;

/** A bounded rectangle of one sheet, zero-based and inclusive. */
public record GridArea(Sheet sheet, int firstRow, int firstColumn, int lastRow, int lastColumn) {

  public int rows() {
    return lastRow - firstRow + 1;
  }

  public int columns() {
    return lastColumn - firstColumn + 1;
  }

  /** The range text Google echoes for this area, e.g. {@code 'Hoja Uno'!A1:B2}. */
  public String a1() {
    return A1Notation.format(sheet.title(), firstRow, firstColumn, lastRow, lastColumn);
  }
}
