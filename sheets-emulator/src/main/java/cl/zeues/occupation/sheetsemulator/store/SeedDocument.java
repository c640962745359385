package cl.zeues.occupation.sheetsemulator.store;

import cl.zeues.occupation.sheetsemulator.grid.CellValues;
import cl.zeues.occupation.sheetsemulator.grid.Sheet;
import cl.zeues.occupation.sheetsemulator.grid.Spreadsheet;
import cl.zeues.occupation.sheetsemulator.grid.ValueInputOption;
import cl.zeues.occupation.sheetsemulator.grid.ValueOperations;
import cl.zeues.occupation.sheetsemulator.grid.ValueRenderOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole spreadsheet as plain data, the format of seed files and of the admin endpoint: {@code
 * {"spreadsheetId":"abc","title":"Optional","valueInputOption":"RAW","sheets":{"Metadata":[["TAG","QTY"],["S-1",3]]}}}.
 * Sheets keep their order; each grid is at least 1000 rows by 26 columns, larger if the data is.
 *
 * @param valueInputOption how string values are read; RAW unless given
 */
public record SeedDocument(
    String spreadsheetId,
    @Nullable String title,
    ValueInputOption valueInputOption,
    Map<String, List<List<@Nullable Object>>> sheets) {

  public SeedDocument {
    sheets = new LinkedHashMap<>(sheets);
  }

  /** Reads the JSON form; {@code defaultId} is used when the document has no spreadsheetId. */
  public static SeedDocument fromJson(JsonNode root, @Nullable String defaultId) {
    if (!root.isObject()) {
      throw new IllegalArgumentException("a spreadsheet document must be a JSON object");
    }
    JsonNode idNode = root.get("spreadsheetId");
    String id = idNode != null && idNode.isString() ? idNode.stringValue() : defaultId;
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("the document has no spreadsheetId");
    }
    JsonNode titleNode = root.get("title");
    JsonNode optionNode = root.get("valueInputOption");
    ValueInputOption option =
        optionNode == null || optionNode.isNull()
            ? ValueInputOption.RAW
            : ValueInputOption.require(optionNode.asString());
    JsonNode sheetsNode = root.get("sheets");
    if (!(sheetsNode instanceof ObjectNode sheetsObject) || sheetsObject.isEmpty()) {
      throw new IllegalArgumentException(
          "\"sheets\" must be an object of sheet title to rows, with at least one sheet");
    }
    Map<String, List<List<@Nullable Object>>> sheets = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> sheet : sheetsObject.properties()) {
      sheets.put(sheet.getKey(), Json.valueRows(sheet.getValue()));
    }
    return new SeedDocument(
        id,
        titleNode != null && titleNode.isString() ? titleNode.stringValue() : null,
        option,
        sheets);
  }

  public Spreadsheet toSpreadsheet() {
    Spreadsheet spreadsheet = new Spreadsheet(spreadsheetId, title != null ? title : spreadsheetId);
    for (Map.Entry<String, List<List<@Nullable Object>>> entry : sheets.entrySet()) {
      List<List<@Nullable Object>> rows = entry.getValue();
      int width = rows.stream().mapToInt(List::size).max().orElse(0);
      Sheet sheet =
          spreadsheet.addSheet(
              null,
              entry.getKey(),
              Math.max(Sheet.DEFAULT_ROWS, rows.size()),
              Math.max(Sheet.DEFAULT_COLUMNS, width),
              null);
      for (int r = 0; r < rows.size(); r++) {
        List<@Nullable Object> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value != null) {
            sheet.set(r, c, CellValues.fromInput(value, valueInputOption));
          }
        }
      }
    }
    return spreadsheet;
  }

  /** The spreadsheet's content rendered with {@code render}, trailing blanks trimmed. */
  public static Map<String, Object> describe(Spreadsheet spreadsheet, ValueRenderOption render) {
    Map<String, Object> sheets = new LinkedHashMap<>();
    for (Sheet sheet : spreadsheet.sheets()) {
      sheets.put(sheet.title(), ValueOperations.readSheet(sheet, render).values());
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("spreadsheetId", spreadsheet.spreadsheetId());
    document.put("title", spreadsheet.title());
    document.put("sheets", sheets);
    return document;
  }
}
