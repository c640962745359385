package cl.zeues.occupation.sheetsemulator.grid;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Whether the outer list of a value range holds rows or columns. */
public enum MajorDimension {
  ROWS,
  COLUMNS;

  public static MajorDimension parse(@Nullable String text) {
    if (text == null || text.isBlank() || text.equalsIgnoreCase("DIMENSION_UNSPECIFIED")) {
      return ROWS;
    }
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw GoogleApiException.badRequest(
          "Invalid value at 'major_dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), \""
              + text
              + "\"");
    }
  }
}
