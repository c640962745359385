package cl.zeues.occupation.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas in {@code src/main/resources/static/schemas/} against the wire types: every
 * golden file and a record of every permitted subtype, written by {@link JsonCodec}, must validate;
 * each schema's {@code required} must be exactly the non-nullable record components; and a document
 * with a required field missing, a wrong {@code type} or a malformed uuid must not validate.
 */
class EventSchemaTest {

  static final String SCHEMAS = "static/schemas/";
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  static final Map<String, Schema> CACHE = new HashMap<>();
  static final JsonMapper JSON = JsonMapper.builder().build();

  final JsonCodec codec = new JsonCodec();

  // ---- which schema belongs to which type ----

  /** Every wire type: the permitted subclasses of the sealed interfaces and the catalog records. */
  static Stream<Class<? extends Record>> wireTypes() {
    List<Class<? extends Record>> types = new ArrayList<>();
    for (Class<?> sealed :
        List.of(OccupationEvent.class, OccupationCommand.class, CommandReply.class)) {
      for (Class<?> sub : sealed.getPermittedSubclasses()) {
        types.add(sub.asSubclass(Record.class));
      }
    }
    types.add(SpoolCatalogEntry.class);
    types.add(WorkerCatalogEntry.class);
    return types.stream();
  }

  /** The schema resource of a wire type, named by its {@code type} discriminator. */
  static String schemaPath(Class<?> type) {
    if (type == SpoolCatalogEntry.class || type == WorkerCatalogEntry.class) {
      return SCHEMAS + "catalog/" + type.getSimpleName() + ".schema.json";
    }
    String dir =
        OccupationEvent.class.isAssignableFrom(type)
            ? "event/"
            : OccupationCommand.class.isAssignableFrom(type) ? "command/" : "reply/";
    return SCHEMAS + dir + discriminator(type) + ".schema.json";
  }

  /** The {@code type} value Jackson writes for {@code type}, from {@code @JsonSubTypes}. */
  static @Nullable String discriminator(Class<?> type) {
    for (Class<?> parent : type.getInterfaces()) {
      JsonSubTypes subTypes = parent.getAnnotation(JsonSubTypes.class);
      if (subTypes != null) {
        for (JsonSubTypes.Type t : subTypes.value()) {
          if (t.value() == type) {
            return t.name();
          }
        }
        throw new AssertionError(type + " is not in @JsonSubTypes of " + parent);
      }
    }
    return null;
  }

  static Schema schema(String resource) {
    return CACHE.computeIfAbsent(
        resource,
        r -> {
          try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(r)) {
            assertThat(in).as("schema resource %s", r).isNotNull();
            return REGISTRY.getSchema(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static List<String> errors(String schemaResource, JsonNode document) {
    return schema(schemaResource).validate(document).stream().map(Error::toString).toList();
  }

  // ---- golden files ----

  static Stream<Path> goldens() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  /** command-/event-/reply- files by their {@code type}; the two catalog files by name. */
  static String schemaForGolden(Path file, JsonNode document) {
    String name = file.getFileName().toString();
    if (name.equals("catalog-entry.json")) {
      return schemaPath(SpoolCatalogEntry.class);
    }
    if (name.equals("catalog-worker.json")) {
      return schemaPath(WorkerCatalogEntry.class);
    }
    String dir = name.substring(0, name.indexOf('-'));
    return SCHEMAS + dir + "/" + document.path("type").asString() + ".schema.json";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void goldenFileValidates(Path file) throws IOException {
    JsonNode document = JSON.readTree(Files.readAllBytes(file));
    assertThat(errors(schemaForGolden(file, document), document)).isEmpty();
  }

  @Test
  void thereAreGoldenFiles() throws IOException {
    assertThat(goldens()).hasSizeGreaterThanOrEqualTo(14);
  }

  // ---- every permitted subtype, as JsonCodec writes it ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("wireTypes")
  void everyWireTypeAsWrittenValidates(Class<? extends Record> type) {
    String resource = schemaPath(type);
    for (boolean nullsAsNull : List.of(false, true)) {
      Object value = sample(type, nullsAsNull);
      JsonNode written = JSON.readTree(codec.write(value));
      assertThat(errors(resource, written))
          .as(
              "%s (nullable components %s) against %s",
              written, nullsAsNull ? "null" : "set", resource)
          .isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wireTypes")
  void requiredIsExactlyTheNonNullableComponents(Class<? extends Record> type) {
    JsonNode schemaNode = readResource(schemaPath(type));
    Set<String> expected = new TreeSet<>();
    Set<String> all = new TreeSet<>();
    if (discriminator(type) != null) {
      expected.add("type");
      all.add("type");
      assertThat(schemaNode.path("properties").path("type").path("const").asString())
          .isEqualTo(discriminator(type));
    }
    for (RecordComponent component : type.getRecordComponents()) {
      all.add(snake(component.getName()));
      if (!isNullable(component)) {
        expected.add(snake(component.getName()));
      }
    }
    Set<String> required = new TreeSet<>();
    schemaNode.path("required").forEach(n -> required.add(n.asString()));
    Set<String> properties = new TreeSet<>(schemaNode.path("properties").propertyNames());
    assertThat(required).as("required of %s", schemaPath(type)).isEqualTo(expected);
    assertThat(properties).as("properties of %s", schemaPath(type)).isEqualTo(all);
    assertThat(schemaNode.path("additionalProperties").asBoolean(true)).isTrue();
  }

  @Test
  void everySchemaFileBelongsToAWireType() throws IOException {
    Set<String> expected =
        wireTypes()
            .map(EventSchemaTest::schemaPath)
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    Path root = Path.of("src/main/resources");
    try (Stream<Path> files = Files.walk(root.resolve(SCHEMAS))) {
      Set<String> present =
          files
              .filter(p -> p.toString().endsWith(".schema.json"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
      assertThat(present).isEqualTo(expected);
    }
  }

  // ---- the check can fail ----

  @Test
  void documentMissingARequiredFieldFails() {
    ObjectNode document =
        (ObjectNode) JSON.readTree(codec.write(sample(OccupationEvent.SpoolTomado.class, false)));
    document.remove("lease_until");
    assertThat(errors(schemaPath(OccupationEvent.SpoolTomado.class), document))
        .anySatisfy(e -> assertThat(e).contains("lease_until"));
  }

  @Test
  void documentWithAWrongTypeFails() {
    ObjectNode document =
        (ObjectNode) JSON.readTree(codec.write(sample(OccupationEvent.SpoolPausado.class, false)));
    document.put("type", "SpoolCancelado");
    assertThat(errors(schemaPath(OccupationEvent.SpoolPausado.class), document)).isNotEmpty();
  }

  @Test
  void malformedUuidAndDateFail() {
    ObjectNode command =
        (ObjectNode) JSON.readTree(codec.write(sample(OccupationCommand.Tomar.class, false)));
    command.put("command_id", "not-a-uuid");
    assertThat(errors(schemaPath(OccupationCommand.Tomar.class), command))
        .anySatisfy(e -> assertThat(e).contains("command_id"));

    ObjectNode event =
        (ObjectNode)
            JSON.readTree(codec.write(sample(OccupationEvent.SpoolCompletado.class, false)));
    event.put("fecha_operacion", "27/11/2026");
    assertThat(errors(schemaPath(OccupationEvent.SpoolCompletado.class), event))
        .anySatisfy(e -> assertThat(e).contains("fecha_operacion"));
  }

  @Test
  void unknownFieldsAreAllowed() {
    ObjectNode document =
        (ObjectNode) JSON.readTree(codec.write(sample(OccupationEvent.SpoolTomado.class, false)));
    document.put("added_later", 42);
    assertThat(errors(schemaPath(OccupationEvent.SpoolTomado.class), document)).isEmpty();
  }

  // ---- helpers ----

  static JsonNode readResource(String resource) {
    try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("schema resource %s", resource).isNotNull();
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isNullable(RecordComponent component) {
    return component.getAnnotatedType().isAnnotationPresent(Nullable.class);
  }

  static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }

  /** A record of {@code type} with a plausible value for every component. */
  static Object sample(Class<? extends Record> type, boolean nullablesAsNull) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args =
        Arrays.stream(components)
            .map(
                c ->
                    nullablesAsNull && isNullable(c)
                        ? null
                        : c.getName().equals("hashAnterior")
                            ? EventChain.GENESIS
                            : valueFor(c.getGenericType()))
            .toArray();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return type.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build a " + type, e);
    }
  }

  static Object valueFor(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return List.of(valueFor(p.getActualTypeArguments()[0]));
    }
    if (type == UUID.class) {
      return UUID.fromString("22222222-2222-2222-2222-222222222222");
    }
    if (type == String.class) {
      return "MK-1335-CW-25238-011";
    }
    if (type == long.class) {
      return 1L;
    }
    if (type == int.class || type == Integer.class) {
      return 2; // fits a worker id and a repair cycle (0..3)
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == Instant.class) {
      return Instant.parse("2026-11-27T12:30:00Z");
    }
    if (type == LocalDate.class) {
      return LocalDate.parse("2026-11-27");
    }
    if (type == Worker.class) {
      return Worker.of(94, "Juan Perez");
    }
    if (type instanceof Class<?> c && c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    throw new AssertionError(
        "EventSchemaTest has no sample value for " + type + "; add one to valueFor");
  }
}
