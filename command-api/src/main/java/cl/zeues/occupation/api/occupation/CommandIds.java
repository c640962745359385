package cl.zeues.occupation.api.occupation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command ids. A request with an {@code Idempotency-Key} gets a name-based id derived from the key
 * and the tag, so a retry (even through another API instance, or after a restart) carries the same
 * id and the processor, which dedupes by id, answers it with the first outcome.
 */
public final class CommandIds {

  private CommandIds() {}

  public static UUID forRequest(@Nullable String idempotencyKey, String tagSpool) {
    if (idempotencyKey == null) {
      return UUID.randomUUID();
    }
    return UUID.nameUUIDFromBytes(
        ("idem:" + idempotencyKey + ":" + tagSpool).getBytes(StandardCharsets.UTF_8));
  }
}
