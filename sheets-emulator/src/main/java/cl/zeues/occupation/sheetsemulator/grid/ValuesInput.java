package cl.zeues.occupation.sheetsemulator.grid;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Values to write, already turned row-major. A {@code null} entry leaves its cell unchanged; {@code
 * ""} clears it.
 */
public record ValuesInput(List<List<@Nullable Object>> rows) {

  public static ValuesInput of(List<List<@Nullable Object>> values, MajorDimension dimension) {
    return new ValuesInput(dimension == MajorDimension.ROWS ? values : transpose(values));
  }

  public int height() {
    return rows.size();
  }

  public int width() {
    return rows.stream().mapToInt(List::size).max().orElse(0);
  }

  public int cellCount() {
    return rows.stream().mapToInt(List::size).sum();
  }

  static <T> List<List<@Nullable T>> transpose(List<List<@Nullable T>> columns) {
    int height = columns.stream().mapToInt(List::size).max().orElse(0);
    List<List<@Nullable T>> rows = new ArrayList<>();
    for (int r = 0; r < height; r++) {
      List<@Nullable T> row = new ArrayList<>();
      for (List<@Nullable T> column : columns) {
        row.add(r < column.size() ? column.get(r) : null);
      }
      while (!row.isEmpty() && row.getLast() == null) {
        row.removeLast();
      }
      rows.add(row);
    }
    return rows;
  }
}
