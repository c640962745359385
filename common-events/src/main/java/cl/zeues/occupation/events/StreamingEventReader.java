package cl.zeues.occupation.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;

/**
 * Reads an {@link OccupationEvent} field by field off Jackson's streaming parser, without
 * databind's per-record binding machinery: the log readers (verify, replay, rebuilds, the
 * projector) decode millions of events, and binding costs several times the parse.
 *
 * <p>It reads the canonical form {@link JsonCodec} writes, in any field order, with the {@code
 * type} discriminator anywhere, unknown fields (nested or not) skipped, and absent or null object
 * fields read as null: strings as JSON strings, UUIDs in the 36-character form, instants as {@code
 * yyyy-MM-ddTHH:mm:ss[.fraction]Z}, dates as {@code yyyy-MM-dd}, enum constants by name, integers
 * as JSON integers, booleans as {@code true}/{@code false}. Anything else (a coercion databind
 * would apply, such as {@code "5"} for a number or epoch seconds for an instant; a duplicate field;
 * a missing primitive; a missing {@code nombre}; bad JSON; trailing content) it declines by
 * returning null, and {@link JsonCodec} binds those bytes with databind instead, which either
 * applies its coercion rules or throws. So the codec's result on any input is databind's, and this
 * class only has to be right on what it accepts.
 */
final class StreamingEventReader {

  // The snake_case names of every event record's components; the index is the field's bit.
  private static final String[] FIELDS = {
    "type",
    "event_id",
    "command_id",
    "tag_spool",
    "version",
    "worker",
    "operacion",
    "occupation_id",
    "occurred_at",
    "lease_until",
    "reanudacion",
    "fecha_materiales",
    "armador",
    "ciclo",
    "ocupado_desde",
    "fecha_operacion",
    "admin",
    "motivo",
    "resultado",
    "ciclo_anterior",
    "dispositivo",
    "hash_anterior"
  };
  private static final int TYPE = 0;
  private static final int EVENT_ID = 1;
  private static final int COMMAND_ID = 2;
  private static final int TAG_SPOOL = 3;
  private static final int VERSION = 4;
  private static final int WORKER = 5;
  private static final int OPERACION = 6;
  private static final int OCCUPATION_ID = 7;
  private static final int OCCURRED_AT = 8;
  private static final int LEASE_UNTIL = 9;
  private static final int REANUDACION = 10;
  private static final int FECHA_MATERIALES = 11;
  private static final int ARMADOR = 12;
  private static final int CICLO = 13;
  private static final int OCUPADO_DESDE = 14;
  private static final int FECHA_OPERACION = 15;
  private static final int ADMIN = 16;
  private static final int MOTIVO = 17;
  private static final int RESULTADO = 18;
  private static final int CICLO_ANTERIOR = 19;
  private static final int DISPOSITIVO = 20;
  private static final int HASH_ANTERIOR = 21;

  private static final String[] WORKER_FIELDS = {"id", "nombre", "token"};
  private static final int ALL_WORKER_FIELDS = 0b111;

  // The type ids, in the order of the switch in read(JsonParser).
  private static final String[] TYPES = {
    "SpoolTomado",
    "SpoolPausado",
    "SpoolCompletado",
    "SpoolCancelado",
    "OcupacionExpirada",
    "OcupacionLiberada",
    "MetrologiaCompletada",
    "SpoolDesbloqueado"
  };

  private static final long COMMON =
      bits(
          TYPE,
          EVENT_ID,
          COMMAND_ID,
          TAG_SPOOL,
          VERSION,
          WORKER,
          OPERACION,
          OCCUPATION_ID,
          OCCURRED_AT,
          DISPOSITIVO,
          HASH_ANTERIOR);

  /** Per type: the fields it has (the others are unknown to it, so skipped as databind does). */
  private static final long[] TYPE_FIELDS = {
    COMMON | bits(LEASE_UNTIL, REANUDACION, FECHA_MATERIALES, ARMADOR, CICLO),
    COMMON | bits(OCUPADO_DESDE, CICLO),
    COMMON | bits(OCUPADO_DESDE, FECHA_OPERACION, CICLO),
    COMMON | bits(OCUPADO_DESDE, CICLO),
    COMMON | bits(OCUPADO_DESDE, LEASE_UNTIL, CICLO),
    COMMON | bits(OCUPADO_DESDE, ADMIN, MOTIVO, CICLO),
    COMMON | bits(RESULTADO, CICLO, FECHA_OPERACION),
    COMMON | bits(ADMIN, MOTIVO, CICLO_ANTERIOR)
  };

  /** Per type: its primitive components, which databind refuses to leave absent. */
  private static final long[] TYPE_PRIMITIVES = {
    bits(VERSION, REANUDACION),
    bits(VERSION),
    bits(VERSION),
    bits(VERSION),
    bits(VERSION),
    bits(VERSION),
    bits(VERSION, CICLO),
    bits(VERSION, CICLO_ANTERIOR)
  };

  private static final Operacion[] OPERACIONES = Operacion.values();
  private static final Resultado[] RESULTADOS = Resultado.values();
  private static final long[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private final TokenStreamFactory json;
  private final PropertyNameMatcher fields;
  private final PropertyNameMatcher workerFields;

  /**
   * @param json the factory of the mapper whose semantics this reader follows, so the parser's read
   *     constraints are the same
   */
  StreamingEventReader(TokenStreamFactory json) {
    this.json = json;
    this.fields = json.constructNameMatcher(named(FIELDS), true);
    this.workerFields = json.constructNameMatcher(named(WORKER_FIELDS), true);
  }

  /**
   * The event in {@code bytes}, or null when they are not in the canonical form this reader handles
   * (the caller must then bind them with databind, which reads or rejects them).
   */
  @Nullable OccupationEvent read(byte[] bytes) {
    try (JsonParser parser = json.createParser(ObjectReadContext.empty(), bytes)) {
      return read(parser);
    } catch (Declined | JacksonException | DateTimeException e) {
      return null;
    }
  }

  private OccupationEvent read(JsonParser p) {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw Declined.INSTANCE;
    }
    int type = -1;
    long seen = 0;
    UUID eventId = null;
    UUID commandId = null;
    String tagSpool = null;
    long version = 0;
    Worker worker = null;
    Operacion operacion = null;
    UUID occupationId = null;
    Instant occurredAt = null;
    Instant leaseUntil = null;
    boolean reanudacion = false;
    LocalDate fechaMateriales = null;
    String armador = null;
    Integer ciclo = null;
    Instant ocupadoDesde = null;
    LocalDate fechaOperacion = null;
    String admin = null;
    String motivo = null;
    Resultado resultado = null;
    int cicloAnterior = 0;
    String dispositivo = null;
    String hashAnterior = null;
    for (int field = p.nextNameMatch(fields);
        field != PropertyNameMatcher.MATCH_END_OBJECT;
        field = p.nextNameMatch(fields)) {
      if (field == PropertyNameMatcher.MATCH_ODD_TOKEN) {
        throw Declined.INSTANCE;
      }
      JsonToken value = p.nextToken();
      if (field == PropertyNameMatcher.MATCH_UNKNOWN_NAME
          || (type >= 0 && (TYPE_FIELDS[type] & bit(field)) == 0)) {
        p.skipChildren();
        continue;
      }
      if ((seen & bit(field)) != 0) {
        throw Declined.INSTANCE; // databind keeps the last; rare enough to leave to it
      }
      seen |= bit(field);
      switch (field) {
        case TYPE -> type = oneOf(p, value, TYPES);
        case EVENT_ID -> eventId = uuid(p, value);
        case COMMAND_ID -> commandId = uuid(p, value);
        case TAG_SPOOL -> tagSpool = string(p, value);
        case VERSION -> version = longValue(p, value);
        case WORKER -> worker = worker(p, value);
        case OPERACION -> operacion = constant(p, value, OPERACIONES);
        case OCCUPATION_ID -> occupationId = uuid(p, value);
        case OCCURRED_AT -> occurredAt = instant(p, value);
        case LEASE_UNTIL -> leaseUntil = instant(p, value);
        case REANUDACION -> reanudacion = booleanValue(value);
        case FECHA_MATERIALES -> fechaMateriales = date(p, value);
        case ARMADOR -> armador = string(p, value);
        case CICLO -> ciclo = integer(p, value);
        case OCUPADO_DESDE -> ocupadoDesde = instant(p, value);
        case FECHA_OPERACION -> fechaOperacion = date(p, value);
        case ADMIN -> admin = string(p, value);
        case MOTIVO -> motivo = string(p, value);
        case RESULTADO -> resultado = constant(p, value, RESULTADOS);
        case CICLO_ANTERIOR -> cicloAnterior = intValue(p, value);
        case DISPOSITIVO -> dispositivo = string(p, value);
        case HASH_ANTERIOR -> hashAnterior = string(p, value);
        default -> throw new IllegalStateException("no reader for field " + field);
      }
    }
    if (type < 0 || p.nextToken() != null) {
      throw Declined.INSTANCE; // no type id, or trailing content
    }
    long primitives = TYPE_PRIMITIVES[type];
    if ((seen & primitives) != primitives) {
      throw Declined.INSTANCE;
    }
    return switch (type) {
      case 0 ->
          new OccupationEvent.SpoolTomado(
              eventId,
              commandId,
              tagSpool,
              version,
              worker,
              operacion,
              occupationId,
              occurredAt,
              leaseUntil,
              reanudacion,
              fechaMateriales,
              armador,
              ciclo,
              dispositivo,
              hashAnterior);
      case 1 ->
          new OccupationEvent.SpoolPausado(
              eventId,
              commandId,
              tagSpool,
              version,
              worker,
              operacion,
              occupationId,
              occurredAt,
              ocupadoDesde,
              ciclo,
              dispositivo,
              hashAnterior);
      case 2 ->
          new OccupationEvent.SpoolCompletado(
              eventId,
              commandId,
              tagSpool,
              version,
              worker,
              operacion,
              occupationId,
              occurredAt,
              ocupadoDesde,
              fechaOperacion,
              ciclo,
              dispositivo,
              hashAnterior);
      case 3 ->
          new OccupationEvent.SpoolCancelado(
              eventId,
              commandId,
              tagSpool,
              version,
              worker,
              operacion,
              occupationId,
              occurredAt,
              ocupadoDesde,
              ciclo,
              dispositivo,
              hashAnterior);
      case 4 ->
          new OccupationEvent.OcupacionExpirada(
              eventId,
              commandId,
              tagSpool,
              version,
              worker,
              operacion,
              occupationId,
              occurredAt,
              ocupadoDesde,
              leaseUntil,
              ciclo,
              dispositivo,
              hashAnterior);
      case 5 ->
          new OccupationEvent.OcupacionLiberada(
              eventId,
              commandId,
              tagSpool,
              version,
              worker,
              operacion,
              occupationId,
              occurredAt,
              ocupadoDesde,
              admin,
              motivo,
              ciclo,
              dispositivo,
              hashAnterior);
      case 6 ->
          new OccupationEvent.MetrologiaCompletada(
              eventId,
              commandId,
              tagSpool,
              version,
              worker,
              operacion,
              occupationId,
              occurredAt,
              resultado,
              primitive(ciclo),
              fechaOperacion,
              dispositivo,
              hashAnterior);
      case 7 ->
          new OccupationEvent.SpoolDesbloqueado(
              eventId,
              commandId,
              tagSpool,
              version,
              worker,
              operacion,
              occupationId,
              occurredAt,
              admin,
              motivo,
              cicloAnterior,
              dispositivo,
              hashAnterior);
      default -> throw new IllegalStateException("no event for type " + type);
    };
  }

  /** A worker object; databind's record constructor needs all three fields. */
  private @Nullable Worker worker(JsonParser p, JsonToken value) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      throw Declined.INSTANCE;
    }
    int seen = 0;
    int id = 0;
    String nombre = null;
    String token = null;
    for (int field = p.nextNameMatch(workerFields);
        field != PropertyNameMatcher.MATCH_END_OBJECT;
        field = p.nextNameMatch(workerFields)) {
      if (field == PropertyNameMatcher.MATCH_ODD_TOKEN) {
        throw Declined.INSTANCE;
      }
      JsonToken fieldValue = p.nextToken();
      if (field == PropertyNameMatcher.MATCH_UNKNOWN_NAME) {
        p.skipChildren();
        continue;
      }
      if ((seen & (1 << field)) != 0) {
        throw Declined.INSTANCE;
      }
      seen |= 1 << field;
      switch (field) {
        case 0 -> id = intValue(p, fieldValue);
        case 1 -> nombre = string(p, fieldValue);
        default -> token = string(p, fieldValue);
      }
    }
    if (seen != ALL_WORKER_FIELDS || nombre == null || token == null) {
      throw Declined.INSTANCE;
    }
    return new Worker(id, nombre, token);
  }

  private static @Nullable String string(JsonParser p, JsonToken value) {
    if (value == JsonToken.VALUE_STRING) {
      return p.getString();
    }
    return nullOrDecline(value);
  }

  private static long longValue(JsonParser p, JsonToken value) {
    if (value != JsonToken.VALUE_NUMBER_INT) {
      throw Declined.INSTANCE;
    }
    return p.getLongValue(); // out of range: a JacksonException, declined
  }

  private static int intValue(JsonParser p, JsonToken value) {
    if (value != JsonToken.VALUE_NUMBER_INT) {
      throw Declined.INSTANCE;
    }
    return p.getIntValue();
  }

  private static @Nullable Integer integer(JsonParser p, JsonToken value) {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    return nullOrDecline(value);
  }

  private static int primitive(@Nullable Integer value) {
    if (value == null) {
      throw Declined.INSTANCE;
    }
    return value;
  }

  private static boolean booleanValue(JsonToken value) {
    return switch (value) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      default -> throw Declined.INSTANCE;
    };
  }

  private static <E extends Enum<E>> @Nullable E constant(
      JsonParser p, JsonToken value, E[] constants) {
    if (value != JsonToken.VALUE_STRING) {
      return nullOrDecline(value);
    }
    for (E constant : constants) {
      if (textEquals(p, constant.name())) {
        return constant;
      }
    }
    throw Declined.INSTANCE;
  }

  /** The index in {@code names} of the string value. */
  private static int oneOf(JsonParser p, JsonToken value, String[] names) {
    if (value != JsonToken.VALUE_STRING) {
      throw Declined.INSTANCE; // a null type id is skipped by databind, a number coerced
    }
    for (int i = 0; i < names.length; i++) {
      if (textEquals(p, names[i])) {
        return i;
      }
    }
    throw Declined.INSTANCE;
  }

  private static boolean textEquals(JsonParser p, String expected) {
    int length = p.getStringLength();
    if (length != expected.length()) {
      return false;
    }
    char[] chars = p.getStringCharacters();
    int offset = p.getStringOffset();
    for (int i = 0; i < length; i++) {
      if (chars[offset + i] != expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A UUID in its 36-character form, either case, as databind's UUID reader requires. */
  private static @Nullable UUID uuid(JsonParser p, JsonToken value) {
    if (value != JsonToken.VALUE_STRING) {
      return nullOrDecline(value);
    }
    if (p.getStringLength() != 36) {
      throw Declined.INSTANCE;
    }
    char[] c = p.getStringCharacters();
    int o = p.getStringOffset();
    if (c[o + 8] != '-' || c[o + 13] != '-' || c[o + 18] != '-' || c[o + 23] != '-') {
      throw Declined.INSTANCE;
    }
    long high = hex(c, o, 8) << 32 | hex(c, o + 9, 4) << 16 | hex(c, o + 14, 4);
    long low = hex(c, o + 19, 4) << 48 | hex(c, o + 24, 12);
    return new UUID(high, low);
  }

  private static long hex(char[] c, int from, int count) {
    long value = 0;
    for (int i = from; i < from + count; i++) {
      char ch = c[i];
      int digit;
      if (ch >= '0' && ch <= '9') {
        digit = ch - '0';
      } else if (ch >= 'a' && ch <= 'f') {
        digit = ch - 'a' + 10;
      } else if (ch >= 'A' && ch <= 'F') {
        digit = ch - 'A' + 10;
      } else {
        throw Declined.INSTANCE;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  /**
   * An instant as {@link Instant#toString()} writes it, {@code 2026-11-27T12:30:00Z} with 0 to 9
   * fraction digits; hour 24, second 60, offsets, lower case and the rest of ISO-8601's variants
   * are declined.
   */
  private static @Nullable Instant instant(JsonParser p, JsonToken value) {
    if (value != JsonToken.VALUE_STRING) {
      return nullOrDecline(value);
    }
    int length = p.getStringLength();
    if (length < 20 || length == 21 || length > 30) {
      throw Declined.INSTANCE;
    }
    char[] c = p.getStringCharacters();
    int o = p.getStringOffset();
    if (c[o + 10] != 'T'
        || c[o + 13] != ':'
        || c[o + 16] != ':'
        || c[o + length - 1] != 'Z'
        || (length > 20 && c[o + 19] != '.')) {
      throw Declined.INSTANCE;
    }
    long epochDay = date(c, o).toEpochDay();
    int hour = digits(c, o + 11, 2);
    int minute = digits(c, o + 14, 2);
    int second = digits(c, o + 17, 2);
    if (hour > 23 || minute > 59 || second > 59) {
      throw Declined.INSTANCE;
    }
    long nanos = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      nanos = digits(c, o + 20, fractionDigits) * POWERS_OF_TEN[9 - fractionDigits];
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  private static @Nullable LocalDate date(JsonParser p, JsonToken value) {
    if (value != JsonToken.VALUE_STRING) {
      return nullOrDecline(value);
    }
    if (p.getStringLength() != 10) {
      throw Declined.INSTANCE;
    }
    return date(p.getStringCharacters(), p.getStringOffset());
  }

  /** {@code yyyy-MM-dd} at {@code o}; an impossible date throws DateTimeException. */
  private static LocalDate date(char[] c, int o) {
    if (c[o + 4] != '-' || c[o + 7] != '-') {
      throw Declined.INSTANCE;
    }
    return LocalDate.of(digits(c, o, 4), digits(c, o + 5, 2), digits(c, o + 8, 2));
  }

  private static int digits(char[] c, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = c[i] - '0';
      if (digit < 0 || digit > 9) {
        throw Declined.INSTANCE;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static <T> @Nullable T nullOrDecline(JsonToken value) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    throw Declined.INSTANCE;
  }

  private static long bit(int field) {
    return 1L << field;
  }

  private static long bits(int... fields) {
    long bits = 0;
    for (int field : fields) {
      bits |= bit(field);
    }
    return bits;
  }

  private static List<Named> named(String[] names) {
    return Arrays.stream(names).map(Named::fromString).toList();
  }

  /** Control flow out of a read that met something outside the canonical form; no stack trace. */
  private static final class Declined extends RuntimeException {
    static final Declined INSTANCE = new Declined();

    private Declined() {
      super("not in the canonical event form", null, false, false);
    }
  }
}
