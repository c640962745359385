package cl.zeues.occupation.systemtests;

import cl.zeues.occupation.sheets.HeaderNames;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A system's spreadsheet as the business reads it: rows by header name, through the real client.
 */
final class SheetRows {

  private SheetRows() {}

  /** The spool's {@code Operaciones} row, header name -> formatted value. */
  static Optional<Map<String, String>> operacionesRow(ZeuesSystem system, String tag)
      throws IOException {
    List<List<Object>> rows = values(system, "Operaciones");
    List<Object> header = rows.getFirst();
    int tagColumn = HeaderNames.of(header).indexOf("TAG_SPOOL").orElseThrow();
    return rows.stream()
        .skip(1)
        .filter(r -> r.size() > tagColumn && tag.equals(String.valueOf(r.get(tagColumn))))
        .findFirst()
        .map(r -> byHeader(header, r));
  }

  /** The spool's {@code Metadata} rows, in sheet order. */
  static List<Map<String, String>> metadataRows(ZeuesSystem system, String tag) throws IOException {
    List<List<Object>> rows = values(system, "Metadata");
    List<Object> header = rows.getFirst();
    return rows.stream()
        .skip(1)
        .map(r -> byHeader(header, r))
        .filter(r -> tag.equals(r.get("TAG_SPOOL")))
        .toList();
  }

  static List<List<Object>> values(ZeuesSystem system, String sheet) throws IOException {
    return system
        .sheets()
        .spreadsheets()
        .values()
        .get(ZeuesSystem.SPREADSHEET, sheet)
        .execute()
        .getValues();
  }

  static Map<String, String> byHeader(List<Object> header, List<Object> row) {
    return IntStream.range(0, header.size())
        .boxed()
        .collect(
            Collectors.toMap(
                i -> String.valueOf(header.get(i)),
                i -> i < row.size() ? String.valueOf(row.get(i)) : "",
                (a, b) -> a));
  }
}
