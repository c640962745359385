package cl.zeues.occupation.audit.backup;

import cl.zeues.occupation.audit.log.StoredRecord;
import java.io.StringWriter;
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
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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

  /** Written with the streaming generator: a backup writes millions of these. */
  static String recordLine(StoredRecord record) {
    StringWriter text = new StringWriter(1024);
    try (JsonGenerator line = JSON.createGenerator(text)) {
      line.writeStartObject();
      line.writeNumberProperty("partition", record.partition());
      line.writeNumberProperty("offset", record.offset());
      line.writeNumberProperty("timestamp", record.timestamp());
      writeBytes(line, "key", record.key(), false);
      line.writeArrayPropertyStart("headers");
      for (StoredRecord.Header header : record.headers()) {
        line.writeStartObject();
        line.writeStringProperty("name", header.name());
        byte[] value = header.value();
        if (value == null) {
          line.writeNullProperty("value");
        } else {
          line.writeStringProperty("value", BASE64.encodeToString(value));
        }
        line.writeEndObject();
      }
      line.writeEndArray();
      writeBytes(line, "value", record.value(), true);
      line.writeEndObject();
    }
    return text.toString();
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

  /** Read with the streaming parser; properties it does not know are skipped. */
  static Line parseLine(String text) {
    try (JsonParser line = JSON.createParser(text)) {
      if (line.nextToken() != JsonToken.START_OBJECT) {
        throw new BadLineException("not a JSON object");
      }
      Long partition = null;
      Long offset = null;
      Long timestamp = null;
      Long records = null;
      boolean trailer = false;
      Map<Integer, Long> byPartition = new TreeMap<>();
      Bytes key = new Bytes("key");
      Bytes value = new Bytes("value");
      List<StoredRecord.Header> headers = null;
      String name;
      while ((name = line.nextName()) != null) {
        JsonToken token = line.nextToken();
        switch (name) {
          case "partition" -> partition = integer(line, name);
          case "offset" -> offset = integer(line, name);
          case "timestamp" -> timestamp = integer(line, name);
          case "key" -> key.text(line);
          case "key_base64" -> key.base64(line);
          case "value" -> value.text(line);
          case "value_base64" -> value.base64(line);
          case "headers" -> headers = headers(line);
          case "end_of_backup" -> trailer = token == JsonToken.VALUE_TRUE;
          case "records" -> records = integer(line, name);
          case "records_by_partition" -> byPartition = counts(line);
          default -> line.skipChildren();
        }
      }
      if (line.nextToken() != null) {
        throw new BadLineException("more than one JSON value");
      }
      if (trailer) {
        return new TrailerLine(new Trailer(required(records, "records"), byPartition));
      }
      long partitionNumber = required(partition, "partition");
      if (partitionNumber > Integer.MAX_VALUE) {
        throw new BadLineException("partition " + partitionNumber + " is too large");
      }
      if (headers == null) {
        throw new BadLineException("no \"headers\" array");
      }
      return new RecordLine(
          new StoredRecord(
              (int) partitionNumber,
              required(offset, "offset"),
              required(timestamp, "timestamp"),
              key.bytes(),
              headers,
              value.bytes()));
    } catch (JacksonException e) {
      throw new BadLineException(
          "not JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ").strip());
    }
  }

  /** A key or value: text, base64 or null, given exactly one way. */
  private static final class Bytes {
    private final String name;
    private boolean given;
    private byte @Nullable [] bytes;

    Bytes(String name) {
      this.name = name;
    }

    void text(JsonParser line) {
      once();
      JsonToken token = line.currentToken();
      if (token == JsonToken.VALUE_NULL) {
        bytes = null;
      } else if (token == JsonToken.VALUE_STRING) {
        bytes = line.getString().getBytes(StandardCharsets.UTF_8);
      } else {
        throw new BadLineException("\"" + name + "\" is neither a string nor null");
      }
    }

    void base64(JsonParser line) {
      once();
      bytes = BackupFormat.base64(line, name + "_base64");
    }

    private void once() {
      if (given) {
        throw new BadLineException("\"" + name + "\" given twice (or with " + name + "_base64)");
      }
      given = true;
    }

    byte @Nullable [] bytes() {
      if (!given) {
        throw new BadLineException(
            "no \"" + name + "\" (null for none) nor \"" + name + "_base64\"");
      }
      return bytes;
    }
  }

  private static List<StoredRecord.Header> headers(JsonParser line) {
    if (line.currentToken() != JsonToken.START_ARRAY) {
      throw new BadLineException("\"headers\" is not an array");
    }
    List<StoredRecord.Header> headers = new ArrayList<>();
    while (line.nextToken() != JsonToken.END_ARRAY) {
      if (line.currentToken() != JsonToken.START_OBJECT) {
        throw new BadLineException("a header is not an object");
      }
      String headerName = null;
      Bytes value = new Bytes("header value");
      String property;
      while ((property = line.nextName()) != null) {
        line.nextToken();
        switch (property) {
          case "name" -> {
            if (line.currentToken() != JsonToken.VALUE_STRING) {
              throw new BadLineException("a header name is not a string");
            }
            headerName = line.getString();
          }
          case "value" -> {
            if (line.currentToken() == JsonToken.VALUE_NULL) {
              value.text(line);
            } else {
              value.base64(line);
            }
          }
          default -> line.skipChildren();
        }
      }
      if (headerName == null) {
        throw new BadLineException("a header without \"name\"");
      }
      headers.add(new StoredRecord.Header(headerName, value.bytes()));
    }
    return headers;
  }

  private static Map<Integer, Long> counts(JsonParser line) {
    if (line.currentToken() != JsonToken.START_OBJECT) {
      throw new BadLineException("\"records_by_partition\" is not an object");
    }
    Map<Integer, Long> counts = new TreeMap<>();
    String partition;
    while ((partition = line.nextName()) != null) {
      line.nextToken();
      try {
        counts.put(Integer.parseInt(partition), integer(line, "records_by_partition"));
      } catch (NumberFormatException e) {
        throw new BadLineException("records_by_partition names partition '" + partition + "'");
      }
    }
    return counts;
  }

  private static long integer(JsonParser line, String name) {
    if (line.currentToken() != JsonToken.VALUE_NUMBER_INT
        || line.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new BadLineException("\"" + name + "\" is not an integer");
    }
    return line.getLongValue();
  }

  private static long required(@Nullable Long value, String name) {
    if (value == null) {
      throw new BadLineException("no \"" + name + "\" integer");
    }
    return value;
  }

  /** As text when the bytes are UTF-8 (and, for {@code json}, one JSON value), else base64. */
  private static void writeBytes(
      JsonGenerator line, String name, byte @Nullable [] bytes, boolean json) {
    if (bytes == null) {
      line.writeNullProperty(name);
      return;
    }
    String text = utf8(bytes);
    if (text != null && (!json || isJson(bytes))) {
      line.writeStringProperty(name, text);
    } else {
      line.writeStringProperty(name + "_base64", BASE64.encodeToString(bytes));
    }
  }

  private static byte[] base64(JsonParser line, String what) {
    if (line.currentToken() != JsonToken.VALUE_STRING) {
      throw new BadLineException(what + " is not a base64 string");
    }
    try {
      return UNBASE64.decode(line.getString());
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

  private static int requiredInt(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new BadLineException("no \"" + name + "\" integer");
    }
    return value.asInt();
  }
}
