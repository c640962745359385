package cl.zeues.occupation.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of every record on the wire: snake_case names, ISO-8601 times and dates, a {@code
 * type} discriminator on commands, events and replies. Thread-safe; share one instance.
 */
public final class JsonCodec {

  private final JsonMapper mapper =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  public byte[] write(Object value) {
    return mapper.writeValueAsBytes(value);
  }

  public String writeString(Object value) {
    return mapper.writeValueAsString(value);
  }

  /**
   * Reads {@code json} as {@code type}.
   *
   * @throws MalformedRecordException when the bytes are not a valid {@code type}
   */
  public <T> T read(byte[] json, Class<T> type) {
    try {
      T value = mapper.readValue(json, type);
      if (value == null) {
        throw new MalformedRecordException("empty JSON value for " + type.getSimpleName());
      }
      return value;
    } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
      throw new MalformedRecordException(
          "not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  public <T> T read(String json, Class<T> type) {
    return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
  }

  /** A record that cannot be turned into the expected type: bad JSON, a missing field, ... */
  public static final class MalformedRecordException extends RuntimeException {
    public MalformedRecordException(String message) {
      super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
