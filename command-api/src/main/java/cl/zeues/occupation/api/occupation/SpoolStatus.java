package cl.zeues.occupation.api.occupation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A spool's occupation as last applied by the processor.
 *
 * @param ocupadoPor the occupant's {@code XX(ID)} token, null when free
 * @param fechaOcupacion when the current occupation started, null when free
 * @param operacion the occupied operation, null when free
 * @param version the spool's event version (0: never touched)
 */
public record SpoolStatus(
    String tagSpool,
    @Nullable String ocupadoPor,
    @Nullable Instant fechaOcupacion,
    @Nullable String operacion,
    long version) {

  public static SpoolStatus untouched(String tagSpool) {
    return new SpoolStatus(tagSpool, null, null, null, 0);
  }

  public boolean ocupado() {
    return ocupadoPor != null;
  }
}
