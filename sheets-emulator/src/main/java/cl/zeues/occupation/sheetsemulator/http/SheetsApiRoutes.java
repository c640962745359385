package cl.zeues.occupation.sheetsemulator.http;

import cl.zeues.occupation.sheetsemulator.faults.FaultInjector;
import cl.zeues.occupation.sheetsemulator.grid.GoogleApiException;
import cl.zeues.occupation.sheetsemulator.grid.InsertDataOption;
import cl.zeues.occupation.sheetsemulator.grid.MajorDimension;
import cl.zeues.occupation.sheetsemulator.grid.Responses.ClearValuesResponse;
import cl.zeues.occupation.sheetsemulator.grid.Responses.UpdateValuesResponse;
import cl.zeues.occupation.sheetsemulator.grid.Responses.ValueRange;
import cl.zeues.occupation.sheetsemulator.grid.Sheet;
import cl.zeues.occupation.sheetsemulator.grid.Spreadsheet;
import cl.zeues.occupation.sheetsemulator.grid.ValueInputOption;
import cl.zeues.occupation.sheetsemulator.grid.ValueOperations;
import cl.zeues.occupation.sheetsemulator.grid.ValueRenderOption;
import cl.zeues.occupation.sheetsemulator.grid.ValuesInput;
import cl.zeues.occupation.sheetsemulator.store.Json;
import cl.zeues.occupation.sheetsemulator.store.SpreadsheetStore;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Sheets v4 REST subset under {@code /v4/spreadsheets}, with the paths and bodies the
 * google-api-services-sheets client sends.
 */
final class SheetsApiRoutes {

  static final String PREFIX = "/v4/spreadsheets";

  private final SpreadsheetStore store;
  private final FaultInjector faults;
  private final SecureRandom ids = new SecureRandom();

  SheetsApiRoutes(SpreadsheetStore store, FaultInjector faults) {
    this.store = store;
    this.faults = faults;
  }

  void handle(HttpExchange exchange, String rawPath) throws IOException {
    String method = exchange.getRequestMethod();
    boolean write = method.equals("POST") || method.equals("PUT");
    Map<String, List<String>> query = Exchanges.query(exchange);
    delay();
    faults.admit(write, quotaUser(exchange, query));

    String rest = rawPath.substring(PREFIX.length());
    if (rest.isEmpty() && method.equals("POST")) {
      Exchanges.sendJson(exchange, 200, create(Exchanges.jsonBody(exchange)));
      return;
    }
    if (!rest.startsWith("/") || rest.length() == 1) {
      throw unknownRoute();
    }
    int idEnd = indexOfAny(rest, 1, '/', ':');
    String id = Exchanges.decodePath(rest.substring(1, idEnd));
    String action = rest.substring(idEnd);
    Object response =
        switch (method + " " + action) {
          case "GET " -> describe(store.require(id));
          case "POST :batchUpdate" -> batchUpdateSpreadsheet(id, Exchanges.jsonBody(exchange));
          case "GET /values:batchGet" -> batchGet(id, query);
          case "POST /values:batchUpdate" -> batchUpdateValues(id, Exchanges.jsonBody(exchange));
          case "POST /values:batchClear" -> batchClear(id, Exchanges.jsonBody(exchange));
          default -> values(exchange, method, id, action, query);
        };
    Exchanges.sendJson(exchange, 200, response);
  }

  private Object values(
      HttpExchange exchange,
      String method,
      String id,
      String action,
      Map<String, List<String>> query)
      throws IOException {
    if (!action.startsWith("/values/") || action.length() == "/values/".length()) {
      throw unknownRoute();
    }
    String rawRange = action.substring("/values/".length());
    switch (method) {
      case "GET" -> {
        return ValueOperations.get(
            store.require(id),
            Exchanges.decodePath(rawRange),
            ValueRenderOption.parse(Exchanges.first(query, "valueRenderOption")),
            MajorDimension.parse(Exchanges.first(query, "majorDimension")));
      }
      case "PUT" -> {
        String range = Exchanges.decodePath(rawRange);
        ValueInputOption option =
            ValueInputOption.require(Exchanges.first(query, "valueInputOption"));
        ValuesInput input = input(Exchanges.jsonBody(exchange));
        ValueRenderOption render = responseRender(query);
        return store.update(id, s -> ValueOperations.update(s, range, input, option, render));
      }
      case "POST" -> {
        if (rawRange.endsWith(":append")) {
          String range = Exchanges.decodePath(rawRange.substring(0, rawRange.length() - 7));
          ValueInputOption option =
              ValueInputOption.require(Exchanges.first(query, "valueInputOption"));
          InsertDataOption insert =
              InsertDataOption.parse(Exchanges.first(query, "insertDataOption"));
          ValuesInput input = input(Exchanges.jsonBody(exchange));
          ValueRenderOption render = responseRender(query);
          return store.update(
              id, s -> ValueOperations.append(s, range, input, option, insert, render));
        }
        if (rawRange.endsWith(":clear")) {
          String range = Exchanges.decodePath(rawRange.substring(0, rawRange.length() - 6));
          return store.update(id, s -> ValueOperations.clear(s, range));
        }
        throw unknownRoute();
      }
      default -> throw unknownRoute();
    }
  }

  private Object batchGet(String id, Map<String, List<String>> query) {
    Spreadsheet spreadsheet = store.require(id);
    ValueRenderOption render = ValueRenderOption.parse(Exchanges.first(query, "valueRenderOption"));
    MajorDimension dimension = MajorDimension.parse(Exchanges.first(query, "majorDimension"));
    List<ValueRange> ranges = new ArrayList<>();
    for (String range : query.getOrDefault("ranges", List.of())) {
      ranges.add(ValueOperations.get(spreadsheet, range, render, dimension));
    }
    return new BatchGetResponse(id, ranges);
  }

  record BatchGetResponse(String spreadsheetId, List<ValueRange> valueRanges) {}

  private Object batchUpdateValues(String id, JsonNode body) {
    ValueInputOption option = ValueInputOption.require(text(body, "valueInputOption"));
    ValueRenderOption render =
        body.path("includeValuesInResponse").asBoolean(false)
            ? ValueRenderOption.parse(text(body, "responseValueRenderOption"))
            : null;
    List<JsonNode> data = new ArrayList<>();
    body.path("data").forEach(data::add);
    return store.update(
        id,
        spreadsheet -> {
          List<UpdateValuesResponse> responses = new ArrayList<>();
          Set<String> sheets = new HashSet<>();
          int rows = 0;
          int columns = 0;
          int cells = 0;
          for (int i = 0; i < data.size(); i++) {
            JsonNode entry = data.get(i);
            String range = text(entry, "range");
            if (range == null) {
              throw GoogleApiException.badRequest("Invalid data[" + i + "]: Missing range.");
            }
            UpdateValuesResponse response;
            try {
              response = ValueOperations.update(spreadsheet, range, input(entry), option, render);
            } catch (GoogleApiException e) {
              throw GoogleApiException.badRequest("Invalid data[" + i + "]: " + e.getMessage());
            }
            responses.add(response);
            sheets.add(ValueOperations.sheetOf(spreadsheet, range).title());
            rows += response.updatedRows();
            columns += response.updatedColumns();
            cells += response.updatedCells();
          }
          return new BatchUpdateValuesResponse(id, rows, columns, cells, sheets.size(), responses);
        });
  }

  record BatchUpdateValuesResponse(
      String spreadsheetId,
      int totalUpdatedRows,
      int totalUpdatedColumns,
      int totalUpdatedCells,
      int totalUpdatedSheets,
      List<UpdateValuesResponse> responses) {}

  private Object batchClear(String id, JsonNode body) {
    List<String> ranges = new ArrayList<>();
    body.path("ranges").forEach(r -> ranges.add(r.asString()));
    return store.update(
        id,
        spreadsheet -> {
          List<String> cleared = new ArrayList<>();
          for (String range : ranges) {
            ClearValuesResponse response = ValueOperations.clear(spreadsheet, range);
            cleared.add(response.clearedRange());
          }
          return new BatchClearResponse(id, cleared);
        });
  }

  record BatchClearResponse(String spreadsheetId, List<String> clearedRanges) {}

  private Object batchUpdateSpreadsheet(String id, JsonNode body) {
    List<JsonNode> requests = new ArrayList<>();
    body.path("requests").forEach(requests::add);
    boolean includeSpreadsheet = body.path("includeSpreadsheetInResponse").asBoolean(false);
    return store.update(
        id,
        spreadsheet -> {
          ObjectNode response = Json.MAPPER.createObjectNode();
          response.put("spreadsheetId", id);
          ArrayNode replies = response.putArray("replies");
          for (int i = 0; i < requests.size(); i++) {
            replies.add(SpreadsheetRequests.apply(spreadsheet, requests.get(i), i));
          }
          if (includeSpreadsheet) {
            response.set("updatedSpreadsheet", describe(spreadsheet));
          }
          return response;
        });
  }

  private ObjectNode create(JsonNode body) {
    String id = text(body, "spreadsheetId");
    if (id == null || id.isBlank()) {
      byte[] random = new byte[33];
      ids.nextBytes(random);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    String title = text(body.path("properties"), "title");
    Spreadsheet spreadsheet = new Spreadsheet(id, title != null ? title : "Untitled spreadsheet");
    int index = 0;
    for (JsonNode sheet : body.path("sheets")) {
      SpreadsheetRequests.addSheet(spreadsheet, sheet.path("properties"), index++);
    }
    if (spreadsheet.sheets().isEmpty()) {
      spreadsheet.addSheet(null, "Sheet1", Sheet.DEFAULT_ROWS, Sheet.DEFAULT_COLUMNS, null);
    }
    if (!store.putIfAbsent(spreadsheet)) {
      throw new GoogleApiException(
          409, "ALREADY_EXISTS", "alreadyExists", "Requested entity already exists");
    }
    return describe(spreadsheet);
  }

  /** {@code spreadsheets.get} without grid data. */
  static ObjectNode describe(Spreadsheet spreadsheet) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("spreadsheetId", spreadsheet.spreadsheetId());
    ObjectNode properties = root.putObject("properties");
    properties.put("title", spreadsheet.title());
    properties.put("locale", "es_CL");
    properties.put("autoRecalc", "ON_CHANGE");
    properties.put("timeZone", "America/Santiago");
    ArrayNode sheets = root.putArray("sheets");
    for (Sheet sheet : spreadsheet.sheets()) {
      sheets.addObject().set("properties", SpreadsheetRequests.properties(spreadsheet, sheet));
    }
    root.put("spreadsheetUrl", "/_emulator/#" + spreadsheet.spreadsheetId());
    return root;
  }

  private static ValuesInput input(JsonNode valueRange) {
    try {
      return ValuesInput.of(
          Json.valueRows(valueRange.get("values")),
          MajorDimension.parse(text(valueRange, "majorDimension")));
    } catch (IllegalArgumentException e) {
      throw GoogleApiException.badRequest("Invalid values: " + e.getMessage());
    }
  }

  private static @Nullable ValueRenderOption responseRender(Map<String, List<String>> query) {
    if (!"true".equalsIgnoreCase(Exchanges.first(query, "includeValuesInResponse"))) {
      return null;
    }
    return ValueRenderOption.parse(Exchanges.first(query, "responseValueRenderOption"));
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  /** Google counts quota per user: the quotaUser parameter, else the credentials. */
  private static String quotaUser(HttpExchange exchange, Map<String, List<String>> query) {
    String quotaUser = Exchanges.first(query, "quotaUser");
    if (quotaUser != null && !quotaUser.isBlank()) {
      return quotaUser;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    return authorization != null ? authorization : "anonymous";
  }

  private void delay() {
    long millis = faults.latency().toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int indexOfAny(String text, int from, char a, char b) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == a || text.charAt(i) == b) {
        return i;
      }
    }
    return text.length();
  }

  static GoogleApiException unknownRoute() {
    return new GoogleApiException(
        404, "NOT_FOUND", "notFound", "The requested URL was not found on this server.");
  }
}
