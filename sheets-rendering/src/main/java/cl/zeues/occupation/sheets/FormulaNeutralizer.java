package cl.zeues.occupation.sheets;

import org.jspecify.annotations.Nullable;

/**
 * Keeps user-derived text from ever acting as a formula (OWASP CSV injection). Every write is
 * already {@code RAW}, so the stored cell is inert text; this is defense in depth for copies,
 * exports to CSV and anyone who later re-enters the value with {@code USER_ENTERED}: a value
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return gets a single
 * quote in front, as the earlier system's {@code sanitize_for_sheets} did. Under {@code RAW} the
 * quote is stored and shown; that visible mark is the accepted price.
 *
 * <p>Applied to every cell whose text starts with something a user typed (worker tokens and names,
 * tags, {@code Estado_Detalle} when it opens with a token); not to values we format ourselves
 * (dates, numbers, event types, JSON objects).
 */
public final class FormulaNeutralizer {

  private FormulaNeutralizer() {}

  public static String neutralize(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
      default -> value;
    };
  }
}
