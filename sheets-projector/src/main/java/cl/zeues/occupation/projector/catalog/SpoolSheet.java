package cl.zeues.occupation.projector.catalog;

import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.sheets.HeaderNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spool catalog in the {@code Operaciones} sheet: {@code TAG_SPOOL} and {@code
 * Fecha_Materiales}, found by header name. Rows without a tag are skipped; a tag on several rows is
 * taken from its first row (as the sheet's readers always did) and reported; an unreadable date
 * imports the spool without a date and is reported (the spool exists: it is never "not found").
 */
final class SpoolSheet {

  static final String TAG_SPOOL = "TAG_SPOOL";
  static final String FECHA_MATERIALES = "Fecha_Materiales";

  private SpoolSheet() {}

  /**
   * @param sheet the sheet's name, for messages
   * @param rows the whole sheet, header first
   */
  static SheetImport<SpoolCatalogEntry> read(String sheet, List<? extends List<?>> rows) {
    HeaderNames header = HeaderNames.of(rows.isEmpty() ? List.of() : rows.getFirst());
    var tagColumn = header.indexOf(TAG_SPOOL);
    var dateColumn = header.indexOf(FECHA_MATERIALES);
    if (tagColumn.isEmpty() || dateColumn.isEmpty()) {
      List<String> missing = new ArrayList<>();
      tagColumn.ifPresentOrElse(i -> {}, () -> missing.add(TAG_SPOOL));
      dateColumn.ifPresentOrElse(i -> {}, () -> missing.add(FECHA_MATERIALES));
      return new SheetImport.MissingColumns<>(sheet, missing);
    }
    Map<String, SpoolCatalogEntry> entries = new LinkedHashMap<>();
    Map<String, List<Integer>> rowsOfTag = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<?> row = rows.get(i);
      int rowNumber = i + 1;
      String tag = Cells.text(Cells.at(row, tagColumn.get()));
      if (tag.isEmpty()) {
        continue;
      }
      rowsOfTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(rowNumber);
      if (entries.containsKey(tag)) {
        continue;
      }
      SheetDate date = Cells.date(Cells.at(row, dateColumn.get()));
      if (date instanceof SheetDate.Unparseable(String text)) {
        warnings.add(
            "%s row %d: TAG_SPOOL '%s' has an unreadable %s '%s'; imported without a date"
                .formatted(sheet, rowNumber, tag, FECHA_MATERIALES, text));
      }
      entries.put(tag, new SpoolCatalogEntry(tag, date.orNull()));
    }
    List<String> duplicates =
        rowsOfTag.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(e -> "'" + e.getKey() + "' on rows " + e.getValue())
            .toList();
    if (!duplicates.isEmpty()) {
      warnings.add(
          "%s: duplicated TAG_SPOOL, the first row of each is imported: %s"
              .formatted(sheet, String.join("; ", duplicates)));
    }
    return new SheetImport.Read<>(entries, warnings);
  }
}
