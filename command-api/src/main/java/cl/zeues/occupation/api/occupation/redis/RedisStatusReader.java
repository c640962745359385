package cl.zeues.occupation.api.occupation.redis;

import cl.zeues.occupation.api.occupation.StatusReader;
import cl.zeues.occupation.api.occupation.StatusUnavailableException;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.StoreLayout;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Reads the hashes the processor writes ({@link StoreLayout}); never writes. */
class RedisStatusReader implements StatusReader {

  private static final Logger log = LoggerFactory.getLogger(RedisStatusReader.class);

  private final HashOperations<String, String, String> hashes;
  private final JsonCodec codec;

  RedisStatusReader(StringRedisTemplate redis, JsonCodec codec) {
    this.hashes = redis.opsForHash();
    this.codec = codec;
  }

  @Override
  public Optional<CommandReply> outcome(String tagSpool, UUID commandId) {
    String json =
        read(() -> hashes.get(StoreLayout.commandKey(tagSpool, commandId), StoreLayout.F_REPLY));
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(codec.read(json, CommandReply.class));
    } catch (JsonCodec.MalformedRecordException e) {
      log.warn("unreadable reply recorded for {} {}: {}", tagSpool, commandId, e.getMessage());
      return Optional.empty();
    }
  }

  private static <T> T read(java.util.function.Supplier<T> query) {
    try {
      return query.get();
    } catch (DataAccessException e) {
      throw new StatusUnavailableException("Redis no respondió: " + e.getMessage(), e);
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static @Nullable Instant instant(@Nullable String value) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      log.warn("unreadable fecha_ocupacion {}", text);
      return null;
    }
  }

  private static long version(@Nullable String value) {
    String text = blankToNull(value);
    if (text == null) {
      return 0;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      log.warn("unreadable version {}", text);
      return 0;
    }
  }
}
