package cl.zeues.occupation.sheetsemulator.http;

import cl.zeues.occupation.sheetsemulator.grid.GoogleApiException;
import cl.zeues.occupation.sheetsemulator.grid.Sheet;
import cl.zeues.occupation.sheetsemulator.grid.Spreadsheet;
import cl.zeues.occupation.sheetsemulator.store.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code spreadsheets.batchUpdate} requests the emulator understands: addSheet, deleteSheet and
 * appendDimension (the way to grow a grid, since value updates never do).
 */
final class SpreadsheetRequests {

  private SpreadsheetRequests() {}

  /** Applies request number {@code index} and returns its reply. */
  static ObjectNode apply(Spreadsheet spreadsheet, JsonNode request, int index) {
    if (!request.isObject() || request.size() != 1) {
      throw GoogleApiException.badRequest(
          "Invalid requests[" + index + "]: exactly one request kind must be set.");
    }
    Map.Entry<String, JsonNode> only = request.properties().iterator().next();
    String kind = only.getKey();
    JsonNode body = only.getValue();
    ObjectNode reply = Json.MAPPER.createObjectNode();
    try {
      switch (kind) {
        case "addSheet" -> {
          Sheet sheet = addSheet(spreadsheet, body.path("properties"), null);
          reply.putObject("addSheet").set("properties", properties(spreadsheet, sheet));
        }
        case "deleteSheet" -> spreadsheet.removeSheet(sheetById(spreadsheet, body));
        case "appendDimension" -> {
          Sheet sheet = sheetById(spreadsheet, body);
          int length = body.path("length").asInt(0);
          if (length < 1) {
            throw GoogleApiException.badRequest("length must be at least 1");
          }
          switch (body.path("dimension").asString("")) {
            case "ROWS" -> sheet.ensureRows(sheet.rowCount() + length);
            case "COLUMNS" -> sheet.ensureColumns(sheet.columnCount() + length);
            default -> throw GoogleApiException.badRequest("dimension must be ROWS or COLUMNS");
          }
        }
        default ->
            throw GoogleApiException.badRequest(
                "the Sheets emulator does not support this request kind.");
      }
    } catch (GoogleApiException e) {
      throw GoogleApiException.badRequest(
          "Invalid requests[" + index + "]." + kind + ": " + e.getMessage());
    }
    return reply;
  }

  static Sheet addSheet(
      Spreadsheet spreadsheet, JsonNode properties, @Nullable Integer defaultIndex) {
    JsonNode title = properties.get("title");
    JsonNode grid = properties.path("gridProperties");
    JsonNode sheetId = properties.get("sheetId");
    JsonNode index = properties.get("index");
    return spreadsheet.addSheet(
        sheetId != null && sheetId.isNumber() ? sheetId.asInt() : null,
        title != null && title.isString() && !title.stringValue().isBlank()
            ? title.stringValue()
            : spreadsheet.nextFreeTitle(),
        grid.path("rowCount").asInt(Sheet.DEFAULT_ROWS),
        grid.path("columnCount").asInt(Sheet.DEFAULT_COLUMNS),
        index != null && index.isNumber() ? Integer.valueOf(index.asInt()) : defaultIndex);
  }

  static ObjectNode properties(Spreadsheet spreadsheet, Sheet sheet) {
    ObjectNode properties = Json.MAPPER.createObjectNode();
    properties.put("sheetId", sheet.sheetId());
    properties.put("title", sheet.title());
    properties.put("index", spreadsheet.indexOf(sheet));
    properties.put("sheetType", "GRID");
    ObjectNode grid = properties.putObject("gridProperties");
    grid.put("rowCount", sheet.rowCount());
    grid.put("columnCount", sheet.columnCount());
    return properties;
  }

  private static Sheet sheetById(Spreadsheet spreadsheet, JsonNode body) {
    int id = body.path("sheetId").asInt(0);
    return spreadsheet
        .sheetById(id)
        .orElseThrow(() -> GoogleApiException.badRequest("No grid with id: " + id));
  }
}
