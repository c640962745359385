package cl.zeues.occupation.sheetsemulator.grid;

import java.math.BigDecimal;

/**
 * What a non-empty cell holds. Empty cells are {@code null}: Google does not distinguish a cleared
 * cell from one never written. Text and formulas are distinct kinds so tests can tell inert text
 * such as {@code =1+1} written RAW from a formula written USER_ENTERED.
 */
public sealed interface Cell {

  record Text(String value) implements Cell {}

  /** A number, kept canonical (no trailing zeros) so equal numbers are equal cells. */
  record Numeric(BigDecimal value) implements Cell {
    public Numeric {
      value = CellValues.plain(value);
    }
  }

  record Bool(boolean value) implements Cell {}

  /** A formula, kept as entered, including the leading {@code =}. */
  record Formula(String text) implements Cell {}
}
