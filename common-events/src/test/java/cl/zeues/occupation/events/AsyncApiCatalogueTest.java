package cl.zeues.occupation.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document (served by command-api at {@code /asyncapi/zeues-occupation.yaml}) against
 * the {@link Topics} catalogue: the same topics, each with its partition count and configs, and
 * every message payload pointing at a schema that exists.
 */
class AsyncApiCatalogueTest {

  static final String DOCUMENT = "static/asyncapi/zeues-occupation.yaml";

  static JsonNode document() {
    try (InputStream in =
        AsyncApiCatalogueTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
      assertThat(in).as(DOCUMENT).isNotNull();
      return YAMLMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything on which {@code doc} and {@code topics} disagree; empty when they agree. */
  static List<String> disagreements(JsonNode doc, List<Topics.Spec> topics) {
    List<String> problems = new ArrayList<>();
    if (!doc.path("asyncapi").asString("").startsWith("3.")) {
      problems.add("not an AsyncAPI 3 document");
    }
    Map<String, JsonNode> channels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> channel : doc.path("channels").properties()) {
      String address = channel.getValue().path("address").asString("");
      if (channels.put(address, channel.getValue()) != null) {
        problems.add("two channels with address " + address);
      }
    }
    Set<String> documented = new TreeSet<>(channels.keySet());
    Set<String> catalogued = new TreeSet<>();
    topics.forEach(t -> catalogued.add(t.name()));
    if (!documented.equals(catalogued)) {
      problems.add("channels " + documented + " but Topics.ALL " + catalogued);
    }
    for (Topics.Spec spec : topics) {
      JsonNode channel = channels.get(spec.name());
      if (channel == null) {
        continue;
      }
      JsonNode kafka = channel.path("bindings").path("kafka");
      String at = spec.name() + ": ";
      if (!spec.name().equals(kafka.path("topic").asString(""))) {
        problems.add(at + "bindings.kafka.topic " + kafka.path("topic"));
      }
      if (kafka.path("partitions").asInt(-1) != spec.partitions()) {
        problems.add(
            at
                + "partitions "
                + kafka.path("partitions")
                + " but Topics says "
                + spec.partitions());
      }
      JsonNode config = kafka.path("topicConfiguration");
      List<String> policy = new ArrayList<>();
      config.path("cleanup.policy").forEach(p -> policy.add(p.asString()));
      List<String> expectedPolicy = List.of(spec.configs().get("cleanup.policy").split(","));
      if (!policy.equals(expectedPolicy)) {
        problems.add(at + "cleanup.policy " + policy + " but Topics says " + expectedPolicy);
      }
      for (String key : List.of("retention.ms", "retention.bytes")) {
        String expected = spec.configs().get(key);
        JsonNode actual = config.path(key);
        if (expected == null
            ? !actual.isMissingNode()
            : !actual.isNumber() || actual.asLong() != Long.parseLong(expected)) {
          problems.add(at + key + " " + actual + " but Topics says " + expected);
        }
      }
      Map<String, String> stated = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : channel.path("x-kafka-topic-configs").properties()) {
        stated.put(e.getKey(), e.getValue().asString());
      }
      if (!stated.equals(new TreeMap<>(spec.configs()))) {
        problems.add(at + "x-kafka-topic-configs " + stated + " but Topics says " + spec.configs());
      }
      if (channel.path("messages").isEmpty()) {
        problems.add(at + "no messages");
      }
    }
    return problems;
  }

  @Test
  void documentAgreesWithTopicsCatalogue() {
    assertThat(disagreements(document(), Topics.ALL)).isEmpty();
  }

  @Test
  void everyMessageRefAndPayloadSchemaResolves() {
    JsonNode doc = document();
    JsonNode messages = doc.path("components").path("messages");
    for (Map.Entry<String, JsonNode> channel : doc.path("channels").properties()) {
      for (Map.Entry<String, JsonNode> message : channel.getValue().path("messages").properties()) {
        String ref = message.getValue().path("$ref").asString("");
        assertThat(ref).startsWith("#/components/messages/");
        assertThat(messages.has(ref.substring("#/components/messages/".length())))
            .as("%s in channel %s", ref, channel.getKey())
            .isTrue();
      }
    }
    Set<String> payloads = new TreeSet<>();
    for (Map.Entry<String, JsonNode> message : messages.properties()) {
      String ref = message.getValue().path("payload").path("$ref").asString("");
      if (ref.isEmpty()) {
        continue;
      }
      String resource = URI.create(DOCUMENT).resolve(ref).normalize().toString();
      assertThat(AsyncApiCatalogueTest.class.getClassLoader().getResource(resource))
          .as("payload %s of %s (%s)", ref, message.getKey(), resource)
          .isNotNull();
      payloads.add(resource);
    }
    Set<String> schemas = new TreeSet<>();
    EventSchemaTest.wireTypes().forEach(t -> schemas.add(EventSchemaTest.schemaPath(t)));
    assertThat(payloads).as("every wire type is a message of the document").isEqualTo(schemas);
  }

  @Test
  void everyEventMessageCarriesTheCloudEventsHeaders() {
    JsonNode doc = document();
    JsonNode headers = doc.path("components").path("schemas").path("CloudEventHeaders");
    Set<String> required = new TreeSet<>();
    headers.path("required").forEach(n -> required.add(n.asString()));
    assertThat(required)
        .containsExactlyInAnyOrder(
            "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "ce_specversion");
    assertThat(headers.path("properties").path("ce_source").path("const").asString())
        .isEqualTo(CloudEventHeaders.SOURCE);
    assertThat(headers.path("properties").path("ce_specversion").path("const").asString())
        .isEqualTo(CloudEventHeaders.SPEC_VERSION);
    for (Class<?> event : OccupationEvent.class.getPermittedSubclasses()) {
      JsonNode message = doc.path("components").path("messages").path(event.getSimpleName());
      assertThat(message.path("traits").toString())
          .as("message %s", event.getSimpleName())
          .contains("#/components/messageTraits/event");
      assertThat(message.path("summary").asString())
          .contains(
              CloudEventHeaders.TYPE_PREFIX
                  + event.getSimpleName()
                  + CloudEventHeaders.TYPE_VERSION);
    }
  }

  // ---- the check can fail ----

  @Test
  void aMissingChannelIsReported() {
    ObjectNode doc = (ObjectNode) document();
    ((ObjectNode) doc.get("channels")).remove("commandsDlt");
    assertThat(disagreements(doc, Topics.ALL))
        .anySatisfy(p -> assertThat(p).contains("occupation.commands.DLT"));
  }

  @Test
  void anUndocumentedTopicIsReported() {
    List<Topics.Spec> more = new ArrayList<>(Topics.ALL);
    more.add(new Topics.Spec("occupation.new", 1, Map.of("cleanup.policy", "delete")));
    assertThat(disagreements(document(), more))
        .anySatisfy(p -> assertThat(p).contains("occupation.new"));
  }

  @Test
  void wrongPartitionsPolicyOrRetentionAreReported() {
    ObjectNode doc = (ObjectNode) document();
    ObjectNode events = (ObjectNode) doc.get("channels").get("events");
    ObjectNode kafka = (ObjectNode) events.get("bindings").get("kafka");
    kafka.put("partitions", 12);
    ObjectNode config = (ObjectNode) kafka.get("topicConfiguration");
    config.put("retention.ms", 604800000L);
    ((ArrayNode) config.get("cleanup.policy")).removeAll().add("compact");
    ((ObjectNode) events.get("x-kafka-topic-configs")).put("retention.bytes", "1");
    assertThat(disagreements(doc, Topics.ALL))
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("partitions 12"))
        .anySatisfy(p -> assertThat(p).contains("retention.ms"))
        .anySatisfy(p -> assertThat(p).contains("cleanup.policy"))
        .anySatisfy(p -> assertThat(p).contains("x-kafka-topic-configs"));
  }
}
