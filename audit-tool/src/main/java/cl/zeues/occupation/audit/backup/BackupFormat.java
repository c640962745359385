package cl.zeues.occupation.audit.backup;

import cl.zeues.occupation.audit.log.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The backup file, one JSON document per line: a header line (what was backed up), one line per
 * record in log order, and a trailer line (how many records), so a truncated file is told from a
 * complete one. A record line holds the key and the value as text when their bytes are UTF-8 (the
 * value: UTF-8 JSON), else as base64 under {@code key_base64}/{@code value_base64}; header values
 * are always base64. Decoding gives back the bytes exactly.
 */
public final class BackupFormat {

  public static final String FORMAT = "zeues-occupation-events-backup";
  public static final int VERSION = 1;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final Base64.Decoder UNBASE64 = Base64.getDecoder();

  private BackupFormat() {}

  /** What the file holds: the topic, its partition count and where and when it was read. */
  public record Header(String topic, int partitions, String source, Instant takenAt) {}

  /** The last line: the records written, per partition (partitions without records left out). */
  public record Trailer(long records, Map<Integer, Long> recordsByPartition) {
    public Trailer {
      recordsByPartition = Map.copyOf(recordsByPartition);
    }
  }

  /** A line that is not what its place in the file calls for; the message says why. */
  public static final class BadLineException extends RuntimeException {
    BadLineException(String message) {
      super(message);
    }
  }

  static String headerLine(Header header) {
    ObjectNode line = JSON.createObjectNode();
    line.put("format", FORMAT);
    line.put("format_version", VERSION);
    line.put("topic", header.topic());
    line.put("partitions", header.partitions());
    line.put("source", header.source());
    line.put("taken_at", header.takenAt().toString());
    return JSON.writeValueAsString(line);
  }

  static String recordLine(StoredRecord record) {
    ObjectNode line = JSON.createObjectNode();
    line.put("partition", record.partition());
    line.put("offset", record.offset());
    line.put("timestamp", record.timestamp());
    putBytes(line, "key", record.key(), false);
    ArrayNode headers = line.putArray("headers");
    for (StoredRecord.Header header : record.headers()) {
      ObjectNode entry = headers.addObject();
      entry.put("name", header.name());
      byte[] value = header.value();
      if (value == null) {
        entry.putNull("value");
      } else {
        entry.put("value", BASE64.encodeToString(value));
      }
    }
    putBytes(line, "value", record.value(), true);
    return JSON.writeValueAsString(line);
  }

  static String trailerLine(Trailer trailer) {
    ObjectNode line = JSON.createObjectNode();
    line.put("end_of_backup", true);
    line.put("records", trailer.records());
    ObjectNode byPartition = line.putObject("records_by_partition");
    new TreeMap<>(trailer.recordsByPartition())
        .forEach((partition, count) -> byPartition.put(String.valueOf(partition), count));
    return JSON.writeValueAsString(line);
  }

  static Header parseHeader(String text) {
    JsonNode line = parse(text);
    if (!FORMAT.equals(line.path("format").asString(""))) {
      throw new BadLineException(
          "not a backup file: the first line has no \"format\":\"" + FORMAT + "\"");
    }
    int version = line.path("format_version").asInt(0);
    if (version != VERSION) {
      throw new BadLineException(
          "format_version " + version + " is not " + VERSION + ", the one this tool reads");
    }
    int partitions = requiredInt(line, "partitions");
    if (partitions < 1) {
      throw new BadLineException("partitions " + partitions + " is below 1");
    }
    try {
      return new Header(
          requiredText(line, "topic"),
          partitions,
          line.path("source").asString(""),
          Instant.parse(requiredText(line, "taken_at")));
    } catch (DateTimeParseException e) {
      throw new BadLineException("taken_at is not an ISO instant");
    }
  }

  /** A record line or the trailer line. */
  sealed interface Line {}

  record RecordLine(StoredRecord record) implements Line {}

  record TrailerLine(Trailer trailer) implements Line {}

  static Line parseLine(String text) {
    JsonNode line = parse(text);
    if (line.has("end_of_backup")) {
      Map<Integer, Long> byPartition = new TreeMap<>();
      JsonNode counts = line.path("records_by_partition");
      for (Map.Entry<String, JsonNode> entry : counts.properties()) {
        try {
          byPartition.put(Integer.parseInt(entry.getKey()), entry.getValue().asLong());
        } catch (NumberFormatException e) {
          throw new BadLineException(
              "records_by_partition names partition '" + entry.getKey() + "'");
        }
      }
      return new TrailerLine(new Trailer(requiredLong(line, "records"), byPartition));
    }
    List<StoredRecord.Header> headers = new ArrayList<>();
    JsonNode headerNodes = line.path("headers");
    if (!headerNodes.isArray()) {
      throw new BadLineException("no \"headers\" array");
    }
    for (JsonNode header : headerNodes) {
      JsonNode value = header.path("value");
      headers.add(
          new StoredRecord.Header(
              requiredText(header, "name"),
              value.isNull() ? null : base64(value, "a header value")));
    }
    return new RecordLine(
        new StoredRecord(
            requiredInt(line, "partition"),
            requiredLong(line, "offset"),
            requiredLong(line, "timestamp"),
            bytes(line, "key"),
            headers,
            bytes(line, "value")));
  }

  /** As text when the bytes are UTF-8 (and, for {@code json}, one JSON value), else base64. */
  private static void putBytes(
      ObjectNode line, String name, byte @Nullable [] bytes, boolean json) {
    if (bytes == null) {
      line.putNull(name);
      return;
    }
    String text = utf8(bytes);
    if (text != null && (!json || isJson(bytes))) {
      line.put(name, text);
    } else {
      line.put(name + "_base64", BASE64.encodeToString(bytes));
    }
  }

  private static byte @Nullable [] bytes(JsonNode line, String name) {
    JsonNode text = line.get(name);
    JsonNode base64 = line.get(name + "_base64");
    if (text != null && base64 != null) {
      throw new BadLineException("both \"" + name + "\" and \"" + name + "_base64\"");
    }
    if (base64 != null) {
      return base64(base64, name + "_base64");
    }
    if (text == null) {
      throw new BadLineException("no \"" + name + "\" (null for none) nor \"" + name + "_base64\"");
    }
    if (text.isNull()) {
      return null;
    }
    if (!text.isString()) {
      throw new BadLineException("\"" + name + "\" is not a string");
    }
    return text.asString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] base64(JsonNode node, String what) {
    if (!node.isString()) {
      throw new BadLineException(what + " is not a base64 string");
    }
    try {
      return UNBASE64.decode(node.asString());
    } catch (IllegalArgumentException e) {
      throw new BadLineException(what + " is not valid base64");
    }
  }

  private static @Nullable String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Exactly one JSON value, nothing after it. */
  private static boolean isJson(byte[] bytes) {
    try (JsonParser parser = JSON.createParser(bytes)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (JacksonException e) {
      return false;
    }
  }

  private static JsonNode parse(String text) {
    JsonNode line;
    try {
      line = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new BadLineException(
          "not JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ").strip());
    }
    if (line == null || !line.isObject()) {
      throw new BadLineException("not a JSON object");
    }
    return line;
  }

  private static String requiredText(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isString()) {
      throw new BadLineException("no \"" + name + "\" text");
    }
    return value.asString();
  }

  private static long requiredLong(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new BadLineException("no \"" + name + "\" integer");
    }
    return value.asLong();
  }

  private static int requiredInt(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new BadLineException("no \"" + name + "\" integer");
    }
    return value.asInt();
  }
}
