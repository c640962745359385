package cl.zeues.occupation.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object as an ordered list of fields with their raw JSON values, so a test can write what a
 * tree cannot hold: any order, duplicate names, raw values of any type.
 */
final class JsonFields {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> UNKNOWN_VALUES =
      List.of(
          "null",
          "0",
          "-1.5e3",
          "true",
          "\"x\"",
          "{}",
          "[]",
          "{\"a\":[1,{\"b\":[null,{}]}],\"type\":\"SpoolPausado\"}",
          "[[{\"version\":1}],\"}\"]");

  private final List<Map.Entry<String, String>> fields;

  private JsonFields(List<Map.Entry<String, String>> fields) {
    this.fields = fields;
  }

  /** The fields of a JSON object whose names need no escaping, each value as its raw bytes. */
  static JsonFields of(byte[] json) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        int start = (int) parser.currentTokenLocation().getByteOffset();
        if (value == JsonToken.VALUE_STRING) {
          parser.getString(); // consumes the string, which the parser reads lazily
        }
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        fields.add(Map.entry(name, new String(json, start, end - start, StandardCharsets.UTF_8)));
      }
    }
    return new JsonFields(fields);
  }

  int size() {
    return fields.size();
  }

  String name(int index) {
    return fields.get(index).getKey();
  }

  /** The index of the first field named {@code name}, or -1. */
  int indexOf(String name) {
    for (int i = 0; i < size(); i++) {
      if (name(i).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  String value(int index) {
    return fields.get(index).getValue();
  }

  void set(int index, String rawValue) {
    fields.set(index, Map.entry(name(index), rawValue));
  }

  void remove(int index) {
    fields.remove(index);
  }

  void insert(int index, String name, String rawValue) {
    fields.add(index, Map.entry(name, rawValue));
  }

  /**
   * Shuffles the fields (the worker's too), adds unknown fields with nested values here and in the
   * worker, and drops some null fields: the same event as far as the codec is concerned.
   */
  void disguise(Random random) {
    fields.removeIf(field -> field.getValue().equals("null") && random.nextBoolean());
    for (int i = 0; i < size(); i++) {
      if (name(i).equals("worker") && value(i).startsWith("{")) {
        JsonFields worker = of(value(i).getBytes(StandardCharsets.UTF_8));
        worker.insert(random.nextInt(worker.size() + 1), "apodo", unknownValue(random));
        Collections.shuffle(worker.fields, random);
        set(i, worker.toString());
      }
    }
    for (int n = random.nextInt(3); n > 0; n--) {
      insert(random.nextInt(size() + 1), "extra_" + n, unknownValue(random));
    }
    Collections.shuffle(fields, random);
  }

  static String unknownValue(Random random) {
    return UNKNOWN_VALUES.get(random.nextInt(UNKNOWN_VALUES.size()));
  }

  byte[] bytes() {
    return toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return fields.stream()
        .map(field -> "\"" + field.getKey() + "\":" + field.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }
}
