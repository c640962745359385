package cl.zeues.occupation.sheetsemulator.http;

import cl.zeues.occupation.sheetsemulator.grid.GoogleApiException;
import cl.zeues.occupation.sheetsemulator.store.Json;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading requests and writing responses the way the Google API client expects them. */
final class Exchanges {

  private Exchanges() {}

  /** The body, un-gzipped when the client compressed it (it does by default). */
  static byte[] body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null && encoding.toLowerCase().contains("gzip")) {
      in = new GZIPInputStream(in);
    }
    try (InputStream body = in) {
      return body.readAllBytes();
    }
  }

  /** The body as a JSON object; an empty body is an empty object. */
  static JsonNode jsonBody(HttpExchange exchange) throws IOException {
    byte[] bytes = body(exchange);
    if (bytes.length == 0) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (!node.isObject()) {
        throw GoogleApiException.badRequest("Invalid JSON payload received. Expected an object.");
      }
      return node;
    } catch (JacksonException e) {
      throw GoogleApiException.badRequest(
          "Invalid JSON payload received. " + e.getOriginalMessage());
    }
  }

  /** Query parameters in order; repeated names (e.g. {@code ranges}) keep every value. */
  static Map<String, List<String>> query(HttpExchange exchange) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  static @Nullable String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /**
   * Percent-decodes a path segment as UTF-8. Unlike {@link URLDecoder}, a {@code +} stays a plus:
   * in a path it is literal.
   */
  static String decodePath(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, "application/json; charset=UTF-8", Json.MAPPER.writeValueAsBytes(body));
  }

  static void sendHtml(HttpExchange exchange, String html) throws IOException {
    send(exchange, 200, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
  }

  static void sendNoContent(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  /** Google's error envelope; the client turns it into a {@code GoogleJsonResponseException}. */
  static void sendError(HttpExchange exchange, GoogleApiException error) throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode body = root.putObject("error");
    body.put("code", error.code());
    body.put("message", error.getMessage());
    ArrayNode errors = body.putArray("errors");
    ObjectNode detail = errors.addObject();
    detail.put("message", error.getMessage());
    detail.put("domain", "global");
    detail.put("reason", error.reason());
    body.put("status", error.status());
    if (error.retryAfterSeconds() > 0) {
      exchange.getResponseHeaders().set("Retry-After", Long.toString(error.retryAfterSeconds()));
    }
    sendJson(exchange, error.code(), root);
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
