package cl.zeues.occupation.sheetsemulator.grid;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Whether an append inserts new rows or writes over the rows after the table. */
public enum InsertDataOption {
  OVERWRITE,
  INSERT_ROWS;

  /** Google's default is OVERWRITE. */
  public static InsertDataOption parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return OVERWRITE;
    }
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw GoogleApiException.badRequest(
          "Invalid value at 'insert_data_option' (type.googleapis.com/google.apps.sheets.v4.InsertDataOption), \""
              + text
              + "\"");
    }
  }
}
