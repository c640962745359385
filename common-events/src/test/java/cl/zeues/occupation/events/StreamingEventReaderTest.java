package cl.zeues.occupation.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reader against databind ({@link JsonCodec#bind}), the reference: it must read every
 * event JsonCodec writes, in any field order and with unknown fields, to the same record; and on
 * any other input the codec's outcome (a record, or MalformedRecordException) must be databind's,
 * whether the reader read it or declined it.
 */
class StreamingEventReaderTest {

  static final String SPOOL_PAUSADO =
      """
      {"type":"SpoolPausado","event_id":"22222222-2222-2222-2222-222222222222",\
      "command_id":"11111111-1111-1111-1111-111111111111","tag_spool":"MK-1","version":2,\
      "worker":{"id":94,"nombre":"Juan Perez","token":"JP(94)"},"operacion":"ARM",\
      "occupation_id":"33333333-3333-3333-3333-333333333333",\
      "occurred_at":"2026-11-27T12:30:00Z","ocupado_desde":"2026-11-27T09:00:00Z","ciclo":null}""";

  final JsonCodec codec = new JsonCodec();
  final StreamingEventReader reader = codec.eventReader();

  static Stream<Path> goldenEvents() throws IOException, URISyntaxException {
    Path golden =
        Path.of(Objects.requireNonNull(JsonCodecTest.class.getResource("/golden")).toURI());
    try (Stream<Path> files = Files.walk(golden)) {
      List<Path> events =
          files.filter(file -> file.getFileName().toString().startsWith("event-")).toList();
      assertThat(events).as("the current and frozen golden events").hasSizeGreaterThan(15);
      return events.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("goldenEvents")
  void everyGoldenEventIsReadAsDatabindReadsIt(Path file) throws IOException {
    byte[] json = Files.readAllBytes(file);

    assertThat(reader.read(json)).isNotNull().isEqualTo(codec.bind(json, OccupationEvent.class));
  }

  @Test
  void randomEventsOfEveryTypeAreReadAsWritten() {
    RandomEvents events = new RandomEvents(14);
    for (int i = 0; i < 1_000; i++) { // the IT checks 1,000,000
      OccupationEvent event = events.next();
      byte[] json = codec.write(event);

      OccupationEvent read = reader.read(json);

      if (!event.equals(read)) { // AssertJ per event would be most of this test's time
        assertThat(read).as("%s", new String(json, StandardCharsets.UTF_8)).isEqualTo(event);
      }
      if (i % 50 == 0) { // databind round-trips them too (the IT checks 1,000,000)
        assertThat(codec.bind(json, OccupationEvent.class)).isEqualTo(read);
      }
    }
  }

  @Test
  void fieldOrderUnknownFieldsAndAbsentNullsDoNotMatter() {
    RandomEvents events = new RandomEvents(15);
    Random random = new Random(15);
    for (int i = 0; i < 200; i++) {
      OccupationEvent event = events.next();
      JsonFields fields = JsonFields.of(codec.write(event));
      fields.disguise(random);
      byte[] json = fields.bytes();

      OccupationEvent read = reader.read(json);

      assertThat(read).as("%s", fields).isEqualTo(event);
      assertThat(codec.bind(json, OccupationEvent.class)).isEqualTo(read);
    }
  }

  @Test
  void absentObjectFieldsAreNullAsDatabindLeavesThem() {
    byte[] json = "{\"version\":3,\"type\":\"SpoolPausado\"}".getBytes(StandardCharsets.UTF_8);

    OccupationEvent read = reader.read(json);

    assertThat(read)
        .isEqualTo(
            new OccupationEvent.SpoolPausado(
                null, null, null, 3, null, null, null, null, null, null))
        .isEqualTo(codec.bind(json, OccupationEvent.class));
  }

  @Test
  void escapedNamesAndValuesAreReadOnTheStream() {
    byte[] json =
        "{\"t\\u0079pe\":\"Spool\\u0050ausado\",\"version\":3,\"tag\\u005fspool\":\"MK-\\u00e9\"}"
            .getBytes(StandardCharsets.UTF_8);

    OccupationEvent read = reader.read(json);

    assertThat(read).isNotNull().isEqualTo(codec.bind(json, OccupationEvent.class));
    assertThat(read.tagSpool()).isEqualTo("MK-é");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"SpoolPausado\"}", // no version: a primitive
        "{\"type\":\"SpoolPausado\",\"version\":null}",
        "{\"type\":\"SpoolTomado\",\"version\":1}", // no reanudacion
        "{\"type\":\"SpoolTomado\",\"version\":1,\"reanudacion\":null}",
        "{\"type\":\"MetrologiaCompletada\",\"version\":1}", // no ciclo
        "{\"type\":\"MetrologiaCompletada\",\"version\":1,\"ciclo\":null}",
        "{\"type\":\"SpoolDesbloqueado\",\"version\":1}", // no ciclo_anterior
        "{\"type\":\"SpoolPausado\",\"version\":1,\"worker\":{\"nombre\":\"a\",\"token\":\"b\"}}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"worker\":{\"id\":1,\"token\":\"b\"}}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"worker\":{\"id\":1,\"nombre\":\"a\",\"token\":null}}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"worker\":[]}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"worker\":\"\"}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"tag_spool\":{}}",
        "{\"type\":\"SpoolPausado\",\"version\":99999999999999999999}",
        "{\"type\":\"SpoolPausado\",\"version\":true}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"ciclo\":3000000000}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"event_id\":\"1-1-1-1-1\"}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"event_id\":\"2222222g-2222-2222-2222-222222222222\"}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"occurred_at\":\"2026-02-30T23:59:00Z\"}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"occurred_at\":\"2026-11-27T12:30Z\"}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"operacion\":\"arm\"}",
        "{\"type\":\"SpoolPausado\",\"version\":1,\"operacion\":\"\"}",
        "{\"type\":\"SpoolCompletado\",\"version\":1,\"fecha_operacion\":\"2026-13-01\"}",
        "{\"type\":\"Borrado\",\"version\":1}",
        "{\"type\":5,\"version\":1}",
        "{\"type\":null,\"version\":1}",
        "{\"version\":1}",
        "{\"type\":\"SpoolPausado\",\"version\":1} x",
        "{\"type\":\"SpoolPausado\",\"version\":1} {}",
        "{\"type\":\"SpoolPausado\",\"version\":1",
        "{\"type\":\"SpoolPausado\",\"version\":1,}",
        "[]",
        "\"SpoolPausado\"",
        "null",
        "",
        "  ",
        "not json"
      })
  void inputDatabindRejectsIsMalformed(String json) {
    assertThat(outcome(json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(JsonCodec.MalformedRecordException.class)
        .isEqualTo(reference(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** Values databind coerces or tolerates: the codec's result must be the same record. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"version\":\"5\"",
        "\"version\":5.7",
        "\"version\":2,\"version\":7",
        "\"tag_spool\":12",
        "\"tag_spool\":true",
        "\"tag_spool\":\"a\",\"tag_spool\":\"b\"",
        "\"ciclo\":1.0",
        "\"ciclo\":\"2\"",
        "\"event_id\":\"AAAAAAAA-2222-2222-2222-22222222222F\"",
        "\"event_id\":\"AAAAAAAAAAAAAAAAAAAAAA==\"",
        "\"event_id\":\"\"",
        "\"occurred_at\":\"2026-11-27t12:30:00z\"",
        "\"occurred_at\":1700000000",
        "\"occurred_at\":\"1700000000\"",
        "\"occurred_at\":\" 2026-11-27T12:30:00Z\"",
        "\"occurred_at\":\"2026-11-27T12:30:00+01:00\"",
        "\"occurred_at\":\"2026-11-27T24:00:00Z\"",
        "\"occurred_at\":\"2026-11-27T23:59:60Z\"",
        "\"occurred_at\":\"2026-11-27T12:30:00.000000001Z\"",
        "\"occurred_at\":\"2026-11-27T12:30:00.Z\"",
        "\"occurred_at\":\"\\u0032026-11-27T12:30:00Z\"",
        "\"occurred_at\":\"\"",
        "\"operacion\":1",
        "\"operacion\":\"1\"",
        "\"type\":null,\"type\":\"SpoolCancelado\"",
        "\"type\":{},\"type\":\"SpoolCancelado\"",
        "\"type\":\"SpoolCancelado\"",
        "\"worker\":{\"id\":1,\"nombre\":\"a\",\"token\":\"b\",\"id\":2}",
        "\"worker\":{\"id\":\"1\",\"nombre\":2,\"token\":\"b\"}",
        "\"lease_until\":{\"not\":\"an instant\"}",
        "\"ciclo_anterior\":\"unknown to SpoolPausado\"",
        "\"Version\":9"
      })
  void inputDatabindCoercesReadsAsDatabindReadsIt(String changedFields) {
    byte[] json = change(SPOOL_PAUSADO, changedFields);

    assertThat(outcome(json)).isInstanceOf(OccupationEvent.class).isEqualTo(reference(json));
  }

  @Test
  void randomlyDamagedEventsReadAsDatabindReadsThem() {
    RandomEvents events = new RandomEvents(16);
    Random random = new Random(16);
    int readByTheStream = 0;
    int declined = 0;
    for (int i = 0; i < 150; i++) {
      byte[] json = damage(codec.write(events.next()), random);

      if (reader.read(json) == null) {
        declined++;
      } else {
        readByTheStream++;
      }
      assertThat(outcome(json))
          .as("%s", new String(json, StandardCharsets.UTF_8))
          .isEqualTo(reference(json));
    }
    assertThat(readByTheStream).as("damage the streaming reader read").isGreaterThan(20);
    assertThat(declined).as("damage the streaming reader left to databind").isGreaterThan(20);
  }

  private static final List<String> ODD_VALUES =
      List.of(
          "null",
          "\"\"",
          "\"x\"",
          "\"5\"",
          "5",
          "-0",
          "5.5",
          "1e2",
          "99999999999999999999",
          "3000000000",
          "true",
          "false",
          "{}",
          "[]",
          "[1]",
          "\"2026-11-27t12:30:00z\"",
          "\"2026-11-27T12:30:00+01:00\"",
          "\"2026-11-27T24:00:00Z\"",
          "\"2026-02-30T00:00:00Z\"",
          "\"2026-11-27T12:30:00.1234567891Z\"",
          "\"2026-11-27T12:30:00.5Z\"",
          "\"2026-11-27\"",
          "\"2026-02-30\"",
          "\"AAAAAAAAAAAAAAAAAAAAAA==\"",
          "\"AAAAAAAA-2222-2222-2222-222222222222\"",
          "\"ARM\"",
          "\"arm\"",
          "\"RECHAZADO\"",
          "{\"id\":1,\"nombre\":\"a\",\"token\":\"b\"}",
          "{\"id\":1,\"nombre\":\"a\"}",
          "{\"id\":\"1\",\"nombre\":\"a\",\"token\":\"b\"}",
          "{\"id\":1.5,\"nombre\":\"a\",\"token\":\"b\"}",
          "\"SpoolPausado\"",
          "\"SpoolTomado\"",
          "\"MetrologiaCompletada\"",
          "\"SpoolDesbloqueado\"");

  /**
   * {@code event} with each of {@code fields} (JSON object members) in place of the field of that
   * name, or added at the end when it has none; a name's second occurrence makes a duplicate.
   */
  private static byte[] change(String event, String fields) {
    JsonFields changed = JsonFields.of(event.getBytes(StandardCharsets.UTF_8));
    JsonFields changes = JsonFields.of(("{" + fields + "}").getBytes(StandardCharsets.UTF_8));
    Set<String> replaced = new HashSet<>();
    for (int i = 0; i < changes.size(); i++) {
      int at = changed.indexOf(changes.name(i));
      if (at >= 0 && replaced.add(changes.name(i))) {
        changed.set(at, changes.value(i));
      } else {
        changed.insert(changed.size(), changes.name(i), changes.value(i));
      }
    }
    return changed.bytes();
  }

  /** One random change to a well-formed event, from harmless to fatal. */
  private static byte[] damage(byte[] json, Random random) {
    JsonFields fields = JsonFields.of(json);
    int field = random.nextInt(fields.size());
    switch (random.nextInt(7)) {
      case 0 -> fields.remove(field);
      case 1, 2 -> fields.set(field, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
      case 3 ->
          fields.insert(
              random.nextInt(fields.size() + 1),
              fields.name(field),
              random.nextBoolean()
                  ? fields.value(field)
                  : ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
      case 4 -> fields.insert(field, fields.name(field).toUpperCase(), fields.value(field));
      case 5 -> {
        byte[] whole = fields.bytes();
        return java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
      }
      default -> {
        String trailing = List.of(" ", "\n", "x", "{}", ",", "]", "null").get(random.nextInt(7));
        return (fields + trailing).getBytes(StandardCharsets.UTF_8);
      }
    }
    return fields.bytes();
  }

  /** What the codec gives: the record, or the exception's class. */
  private Object outcome(byte[] json) {
    try {
      return codec.read(json, OccupationEvent.class);
    } catch (JsonCodec.MalformedRecordException e) {
      return e.getClass();
    }
  }

  /** What databind alone gives. */
  private Object reference(byte[] json) {
    try {
      return codec.bind(json, OccupationEvent.class);
    } catch (JsonCodec.MalformedRecordException e) {
      return e.getClass();
    }
  }
}
