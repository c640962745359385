package cl.zeues.occupation.sheetsemulator.http;

import cl.zeues.occupation.sheetsemulator.faults.EmulatorStats;
import cl.zeues.occupation.sheetsemulator.faults.FaultInjector;
import cl.zeues.occupation.sheetsemulator.faults.FaultSettings;
import cl.zeues.occupation.sheetsemulator.grid.GoogleApiException;
import cl.zeues.occupation.sheetsemulator.grid.ValueRenderOption;
import cl.zeues.occupation.sheetsemulator.store.Json;
import cl.zeues.occupation.sheetsemulator.store.SeedDocument;
import cl.zeues.occupation.sheetsemulator.store.SpreadsheetStore;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's own endpoints under {@code /_emulator}: fault settings, counters, and whole
 * spreadsheets as seed documents. Never rate limited or delayed.
 */
final class AdminRoutes {

  static final String PREFIX = "/_emulator";

  private final SpreadsheetStore store;
  private final FaultInjector faults;

  AdminRoutes(SpreadsheetStore store, FaultInjector faults) {
    this.store = store;
    this.faults = faults;
  }

  void handle(HttpExchange exchange, String rawPath) throws IOException {
    String method = exchange.getRequestMethod();
    String path = rawPath.substring(PREFIX.length());
    if (path.isEmpty() || path.equals("/")) {
      requireMethod(method, "GET");
      Exchanges.sendHtml(exchange, HtmlPage.render(store.all()));
      return;
    }
    switch (path) {
      case "/faults" -> {
        if (method.equals("POST")) {
          changeFaults(Exchanges.jsonBody(exchange));
        } else {
          requireMethod(method, "GET");
        }
        Exchanges.sendJson(exchange, 200, faultsJson());
      }
      case "/stats" -> {
        if (method.equals("DELETE")) {
          faults.reset();
          Exchanges.sendNoContent(exchange);
          return;
        }
        requireMethod(method, "GET");
        EmulatorStats stats = faults.stats();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("reads", stats.reads());
        body.put("writes", stats.writes());
        body.put("rateLimited", stats.rateLimited());
        body.put("serverErrors", stats.serverErrors());
        Exchanges.sendJson(exchange, 200, body);
      }
      case "/spreadsheets" -> {
        requireMethod(method, "GET");
        ArrayNode ids = Json.MAPPER.createArrayNode();
        store.all().forEach(s -> ids.add(s.spreadsheetId()));
        Exchanges.sendJson(exchange, 200, ids);
      }
      default -> spreadsheet(exchange, method, path);
    }
  }

  private void spreadsheet(HttpExchange exchange, String method, String path) throws IOException {
    if (!path.startsWith("/spreadsheets/") || path.length() == "/spreadsheets/".length()) {
      throw SheetsApiRoutes.unknownRoute();
    }
    String id = Exchanges.decodePath(path.substring("/spreadsheets/".length()));
    ValueRenderOption render =
        ValueRenderOption.parse(
            Exchanges.first(Exchanges.query(exchange), "valueRenderOption") == null
                ? "FORMULA"
                : Exchanges.first(Exchanges.query(exchange), "valueRenderOption"));
    switch (method) {
      case "GET" ->
          Exchanges.sendJson(exchange, 200, SeedDocument.describe(store.require(id), render));
      case "PUT" -> {
        SeedDocument document;
        try {
          document = SeedDocument.fromJson(Exchanges.jsonBody(exchange), id);
        } catch (IllegalArgumentException e) {
          throw GoogleApiException.badRequest(e.getMessage());
        }
        if (!document.spreadsheetId().equals(id)) {
          throw GoogleApiException.badRequest(
              "spreadsheetId in the body differs from the one in the path");
        }
        store.put(document.toSpreadsheet());
        Exchanges.sendJson(exchange, 200, SeedDocument.describe(store.require(id), render));
      }
      case "DELETE" -> {
        if (!store.delete(id)) {
          throw GoogleApiException.notFound();
        }
        Exchanges.sendNoContent(exchange);
      }
      default -> throw methodNotAllowed();
    }
  }

  private void changeFaults(JsonNode body) {
    try {
      applyFaults(body);
    } catch (IllegalArgumentException e) {
      throw GoogleApiException.badRequest(e.getMessage());
    }
  }

  private void applyFaults(JsonNode body) {
    FaultSettings settings = faults.settings();
    if (body.has("writesPerMinute")) {
      settings = settings.withWritesPerMinute(body.get("writesPerMinute").asInt());
    }
    if (body.has("readsPerMinute")) {
      settings = settings.withReadsPerMinute(body.get("readsPerMinute").asInt());
    }
    if (body.has("latencyMillis")) {
      settings = settings.withLatency(Duration.ofMillis(body.get("latencyMillis").asLong()));
    }
    if (body.has("serverErrorRate")) {
      settings = settings.withServerErrorRate(body.get("serverErrorRate").asDouble());
    }
    if (body.has("randomSeed")) {
      settings = settings.withRandomSeed(body.get("randomSeed").asLong());
    }
    faults.settings(settings);
    if (body.has("rateLimitStormSeconds")) {
      long seconds = body.get("rateLimitStormSeconds").asLong();
      if (seconds > 0) {
        faults.startRateLimitStorm(Duration.ofSeconds(seconds));
      } else {
        faults.stopRateLimitStorm();
      }
    }
  }

  private ObjectNode faultsJson() {
    FaultSettings settings = faults.settings();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("writesPerMinute", settings.writesPerMinute());
    body.put("readsPerMinute", settings.readsPerMinute());
    body.put("latencyMillis", settings.latency().toMillis());
    body.put("serverErrorRate", settings.serverErrorRate());
    body.put("randomSeed", settings.randomSeed());
    body.put("rateLimitStormSeconds", faults.rateLimitStormRemaining().toSeconds());
    return body;
  }

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw methodNotAllowed();
    }
  }

  private static GoogleApiException methodNotAllowed() {
    return new GoogleApiException(
        405, "METHOD_NOT_ALLOWED", "methodNotAllowed", "Method not allowed for this URL.");
  }
}
