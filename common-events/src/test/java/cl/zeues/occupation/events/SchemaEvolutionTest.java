package cl.zeues.occupation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema evolution rule, enforced: events written at v1 (frozen copies, never regenerated)
 * still read, and every field they carried survives with its value; an older version reads only
 * through an upcaster; a newer one is refused with a clear message.
 */
class SchemaEvolutionTest {

  final JsonCodec codec = new JsonCodec();
  final JsonMapper json = JsonMapper.builder().build();

  static Stream<String> frozenV1Events() {
    return Stream.of(
        "event-spool-tomado.json",
        "event-spool-pausado.json",
        "event-spool-completado.json",
        "event-spool-cancelado.json",
        "event-ocupacion-expirada.json",
        "event-ocupacion-liberada.json");
  }

  @ParameterizedTest
  @MethodSource("frozenV1Events")
  void everyFieldOfAV1EventSurvivesTodaysCodec(String file) throws IOException {
    byte[] frozen = resource("/golden/frozen/v1/" + file);
    JsonNode old = json.readTree(frozen);

    OccupationEvent event = codec.readEvent(frozen, ceType(old, 1), EventUpcasters.NONE);
    JsonNode today = json.readTree(codec.write(event));

    for (Map.Entry<String, JsonNode> field : old.properties()) {
      assertThat(today.get(field.getKey()))
          .as("%s: field %s is removed or changed (only additive changes)", file, field.getKey())
          .isEqualTo(field.getValue());
    }
  }

  @ParameterizedTest
  @MethodSource("frozenV1Events")
  void anEventWrittenBeforeDevicesAndTheChainReadsWithNeither(String file) throws IOException {
    byte[] frozen = resource("/golden/frozen/v1/" + file);
    JsonNode old = json.readTree(frozen);
    assertThat(old.has("dispositivo") || old.has("hash_anterior")).as(file).isFalse();

    OccupationEvent streamed = codec.readEvent(frozen, ceType(old, 1), EventUpcasters.NONE);
    OccupationEvent bound = codec.bind(frozen, OccupationEvent.class);

    assertThat(streamed).isEqualTo(bound);
    assertThat(streamed.dispositivo()).isNull();
    assertThat(streamed.hashAnterior()).isNull();
  }

  @Test
  void anOlderVersionIsReadThroughItsUpcaster() throws IOException {
    ObjectNode v0 =
        (ObjectNode) json.readTree(resource("/golden/frozen/v1/event-spool-tomado.json"));
    // Pretend v0 called the worker "trabajador": the step renames it.
    v0.set("trabajador", v0.remove("worker"));
    EventUpcasters upcasters =
        EventUpcasters.NONE.with(
            "SpoolTomado", 0, node -> (ObjectNode) node.set("worker", node.remove("trabajador")));

    OccupationEvent event =
        codec.readEvent(
            json.writeValueAsBytes(v0), "cl.zeues.occupation.SpoolTomado.v0", upcasters);

    assertThat(event.worker().token()).isEqualTo("JP(94)");
  }

  @Test
  void anOlderVersionWithoutAnUpcasterIsMalformedNamingTheMissingStep() throws IOException {
    byte[] v0 = resource("/golden/frozen/v1/event-spool-pausado.json");

    assertThatThrownBy(
            () -> codec.readEvent(v0, "cl.zeues.occupation.SpoolPausado.v0", EventUpcasters.NONE))
        .isInstanceOf(JsonCodec.MalformedRecordException.class)
        .hasMessageContaining("no upcaster for SpoolPausado v0 -> v1");
  }

  @Test
  void aNewerVersionIsRefusedAskingForAnUpgrade() throws IOException {
    byte[] v2 = resource("/golden/frozen/v1/event-spool-tomado.json");

    assertThatThrownBy(
            () -> codec.readEvent(v2, "cl.zeues.occupation.SpoolTomado.v2", EventUpcasters.NONE))
        .isInstanceOf(JsonCodec.MalformedRecordException.class)
        .hasMessageContaining("upgrade the consumer");
  }

  @Test
  void theVersionComesFromCeTypeAndAMissingHeaderMeansToday() {
    assertThat(CloudEventHeaders.versionOf("cl.zeues.occupation.SpoolTomado.v1")).isEqualTo(1);
    assertThat(CloudEventHeaders.versionOf(null)).isEqualTo(CloudEventHeaders.CURRENT_VERSION);
    assertThatThrownBy(() -> CloudEventHeaders.versionOf("cl.zeues.occupation.SpoolTomado"))
        .isInstanceOf(JsonCodec.MalformedRecordException.class);
  }

  private static String ceType(JsonNode event, int version) {
    return "cl.zeues.occupation." + event.path("type").asString() + ".v" + version;
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing " + path);
      }
      return in.readAllBytes();
    }
  }
}
