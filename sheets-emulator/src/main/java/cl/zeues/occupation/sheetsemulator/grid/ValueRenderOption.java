package cl.zeues.occupation.sheetsemulator.grid;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How cell values are rendered in responses. */
public enum ValueRenderOption {
  FORMATTED_VALUE,
  UNFORMATTED_VALUE,
  FORMULA;

  public static ValueRenderOption parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return FORMATTED_VALUE;
    }
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw GoogleApiException.badRequest(
          "Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), \""
              + text
              + "\"");
    }
  }
}
