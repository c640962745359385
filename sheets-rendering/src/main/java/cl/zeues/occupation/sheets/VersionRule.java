package cl.zeues.occupation.sheets;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * When a spool's row may be overwritten: only by a state whose event version is newer than the
 * row's {@code version} cell. This makes re-projection after a crash, a restart or by a second
 * instance a no-op, and keeps an older state from ever replacing a newer one.
 */
public final class VersionRule {

  private VersionRule() {}

  public static boolean isNewer(long stateVersion, @Nullable Object versionCell) {
    return stateVersion > rowVersion(versionCell);
  }

  /**
   * The row's version as read {@code UNFORMATTED_VALUE}: a number, or text holding one. Empty and
   * anything else (the earlier system's UUID tokens) count as 0, as that system treated them.
   */
  public static long rowVersion(@Nullable Object cell) {
    if (cell instanceof Number number) {
      return number.longValue();
    }
    if (cell instanceof String text && !text.isBlank()) {
      try {
        return new BigDecimal(text.strip()).longValue();
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }
}
