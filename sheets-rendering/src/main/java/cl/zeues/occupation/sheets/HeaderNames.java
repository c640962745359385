package cl.zeues.occupation.sheets;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds columns by header name, never by position: people insert and move columns. Names are
 * compared normalized: accents stripped, lower case, without spaces, {@code _} and {@code /} (so
 * {@code Fecha_QC_Metrología} matches {@code fecha qc metrologia}).
 */
public final class HeaderNames {

  private final Map<String, Integer> columns = new HashMap<>();

  private HeaderNames(List<?> header) {
    for (int i = 0; i < header.size(); i++) {
      Object cell = header.get(i);
      if (cell != null && !cell.toString().isBlank()) {
        columns.putIfAbsent(normalize(cell.toString()), i);
      }
    }
  }

  /** Indexes a header row (the sheet's first row, as the client returns it). */
  public static HeaderNames of(List<?> header) {
    return new HeaderNames(header);
  }

  public static String normalize(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (char c : decomposed.toCharArray()) {
      if (Character.getType(c) == Character.NON_SPACING_MARK
          || c == '_'
          || c == '/'
          || Character.isWhitespace(c)) {
        continue;
      }
      out.append(c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** The 0-based column of {@code name}, if the header has it. */
  public Optional<Integer> indexOf(String name) {
    return Optional.ofNullable(columns.get(normalize(name)));
  }

  /** The A1 column letters of a 0-based index: 0 is {@code A}, 26 is {@code AA}. */
  public static String letters(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  /** An A1 reference to a sheet: quoted, with inner quotes doubled, as Google expects. */
  public static String sheetRef(String sheet) {
    return "'" + sheet.replace("'", "''") + "'";
  }
}
