package cl.zeues.occupation.audit.sheets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the sheets held when read: the owned cells of every {@code Operaciones} row and every {@code
 * Metadata} row, by header name, with the columns where they were found.
 *
 * @param operacionesColumns 0-based column of each required {@code Operaciones} header
 * @param metadataColumns 0-based column of each {@code Metadata} header
 */
public record SheetSnapshot(
    String operacionesSheet,
    String metadataSheet,
    Map<String, Integer> operacionesColumns,
    List<Row> operaciones,
    Map<String, Integer> metadataColumns,
    List<Row> metadata) {

  public SheetSnapshot {
    operacionesColumns = Map.copyOf(operacionesColumns);
    operaciones = List.copyOf(operaciones);
    metadataColumns = Map.copyOf(metadataColumns);
    metadata = List.copyOf(metadata);
  }

  /**
   * A sheet row's non-empty cells by header name, as read unformatted (an empty cell is absent).
   *
   * @param row 1-based sheet row
   */
  public record Row(int row, Map<String, Object> cells) {

    /** The cell as the sheet shows it: numbers without trailing zeros, empty as "". */
    public String text(String column) {
      return text(cells.get(column));
    }

    public @Nullable Object raw(String column) {
      return cells.get(column);
    }

    static String text(@Nullable Object value) {
      if (value == null) {
        return "";
      }
      if (value instanceof BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
      }
      if (value instanceof Double || value instanceof Float) {
        return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
      }
      return value.toString();
    }
  }
}
