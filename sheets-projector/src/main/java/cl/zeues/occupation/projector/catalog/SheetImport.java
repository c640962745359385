package cl.zeues.occupation.projector.catalog;

import java.util.List;
import java.util.Map;

/**
 * What one kind of catalog entry read from the sheet amounts to: the entries by key, or nothing
 * because a required column is missing (then nothing of that kind is published or removed).
 */
sealed interface SheetImport<T> {

  /**
   * @param entries by Kafka key, in sheet order
   * @param warnings rows that were imported with a defect or left out, one line each
   */
  record Read<T>(Map<String, T> entries, List<String> warnings) implements SheetImport<T> {
    public Read {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
      warnings = List.copyOf(warnings);
    }
  }

  record MissingColumns<T>(String sheet, List<String> columns) implements SheetImport<T> {
    public MissingColumns {
      columns = List.copyOf(columns);
    }

    String describe() {
      return "sheet '"
          + sheet
          + "' has no column "
          + String.join(", ", columns.stream().map(c -> "'" + c + "'").toList())
          + " in its header row";
    }
  }
}
