package cl.zeues.occupation.api.occupation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command ids. A request with an {@code Idempotency-Key} gets a name-based id derived from the key
 * the caller and the tag, so a retry (even through another API instance, or after a restart)
 * carries the same id and the processor, which dedupes by id, answers it with the first outcome.
 */
public final class CommandIds {

  private CommandIds() {}

  /** What an anonymous caller's keys are scoped to (device credentials switched off). */
  public static final String ANONYMOUS = "-";

  /**
   * The command id of a request by {@code caller} (a credential id, or {@link #ANONYMOUS}): the key
   * is scoped to the caller, so a key reused by another device names another command and can never
   * return that device's outcome.
   */
  public static UUID forRequest(String caller, @Nullable String idempotencyKey, String tagSpool) {
    if (idempotencyKey == null) {
      return UUID.randomUUID();
    }
    return UUID.nameUUIDFromBytes(
        ("idem:" + caller + ":" + idempotencyKey + ":" + tagSpool)
            .getBytes(StandardCharsets.UTF_8));
  }
}
