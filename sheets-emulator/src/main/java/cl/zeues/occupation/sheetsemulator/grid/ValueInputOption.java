package cl.zeues.occupation.sheetsemulator.grid;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How written values are interpreted. */
public enum ValueInputOption {
  /** Strings are stored as text exactly; JSON numbers and booleans keep their type. */
  RAW,
  /**
   * Strings are parsed as if typed into the UI: {@code =} starts a formula, numbers become numbers.
   */
  USER_ENTERED;

  /** Google requires the option on every write; a missing or unknown one is a bad request. */
  public static ValueInputOption require(@Nullable String text) {
    if (text == null || text.isBlank()) {
      throw GoogleApiException.badRequest(
          "Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED");
    }
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw GoogleApiException.badRequest(
          "Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), \""
              + text
              + "\"");
    }
  }
}
