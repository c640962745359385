package cl.zeues.occupation.projector.projection;

import cl.zeues.occupation.projector.sheets.HeaderNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a sheet's required columns are, as read from its header row. Comparing the layout of this
 * flush with the one the last flush used is how column drift (someone inserting, moving or renaming
 * a column) is caught before a single cell is written into the wrong place.
 */
final class ColumnLayout {

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

  static ColumnLayout of(String sheet, List<?> headerRow, List<String> required) {
    return new ColumnLayout(sheet, headerRow, required);
  }

  String sheet() {
    return sheet;
  }

  /** The header row's hash: equal hashes mean nothing moved (cheap check per flush). */
  int headerHash() {
    return header.hashCode();
  }

  boolean sameHeader(ColumnLayout other) {
    return headerHash() == other.headerHash() && header.equals(other.header);
  }

  boolean isComplete() {
    return missing.isEmpty();
  }

  List<String> missing() {
    return List.copyOf(missing);
  }

  /** The 0-based index of a required column; only valid when {@link #isComplete()}. */
  int column(String name) {
    Integer index = columns.get(name);
    if (index == null) {
      throw new IllegalStateException(sheet + " has no column " + name);
    }
    return index;
  }

  String letters(String name) {
    return HeaderNames.letters(column(name));
  }

  /**
   * Required columns present in both layouts but at another position, as {@code Name (BO -> BP)}.
   */
  List<String> movedSince(ColumnLayout accepted) {
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
