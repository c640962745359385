package cl.zeues.occupation.projector.catalog;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads cells as the Sheets client returns them for {@code UNFORMATTED_VALUE} and {@code
 * SERIAL_NUMBER} date-times: text as {@code String}, numbers as {@code BigDecimal} (or any other
 * {@code Number}), checkboxes as {@code Boolean}, empty cells as {@code ""} or missing at the end
 * of a row. People type into these sheets, so every reader here is liberal in what it accepts.
 */
final class Cells {

  /** Day 0 of the serial numbers Google Sheets (and Excel after 1900-03-01) use. */
  static final LocalDate SERIAL_EPOCH = LocalDate.of(1899, 12, 30);

  /** 9999-12-31: larger serials are not dates. */
  private static final BigDecimal MAX_SERIAL = BigDecimal.valueOf(2_958_465);

  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(strict("d-M-uuuu"), strict("d/M/uuuu"), strict("uuuu-M-d"));

  private static final Pattern SERIAL_TEXT = Pattern.compile("\\d{1,7}(\\.\\d+)?");

  private static final Set<String> TRUE_WORDS =
      Set.of("true", "verdadero", "si", "s", "yes", "y", "1", "x", "activo");
  private static final Set<String> FALSE_WORDS =
      Set.of("false", "falso", "no", "n", "0", "inactivo");

  private Cells() {}

  /** The cell at {@code index} of a row, null past its end (the API trims trailing empties). */
  static @Nullable Object at(List<?> row, int index) {
    return index < row.size() ? row.get(index) : null;
  }

  /**
   * A cell as text, stripped: numbers without a useless {@code .0} (a tag typed as {@code 1234}
   * arrives as the number 1234), empty for an empty cell.
   */
  static String text(@Nullable Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Number number) {
      BigDecimal decimal = decimal(number);
      return decimal == null ? cell.toString() : plain(decimal);
    }
    return cell.toString().strip();
  }

  /**
   * A date: Excel serial numbers (as JSON numbers or as text; the fraction is the time of day and
   * is ignored), {@code DD-MM-YYYY}, {@code DD/MM/YYYY}, {@code YYYY-MM-DD} (one-digit days and
   * months accepted), each optionally followed by a time, which is ignored.
   */
  static SheetDate date(@Nullable Object cell) {
    if (cell == null) {
      return new SheetDate.Empty();
    }
    if (cell instanceof Number number) {
      return fromSerial(decimal(number), cell.toString());
    }
    if (!(cell instanceof CharSequence)) {
      return new SheetDate.Unparseable(cell.toString());
    }
    String text = cell.toString().strip();
    if (text.isEmpty()) {
      return new SheetDate.Empty();
    }
    String datePart = text.split("[\\sT]", 2)[0];
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        return new SheetDate.Valid(LocalDate.parse(datePart, format));
      } catch (DateTimeParseException e) {
        // not this format: try the next one
      }
    }
    if (SERIAL_TEXT.matcher(text).matches()) {
      return fromSerial(new BigDecimal(text), text);
    }
    return new SheetDate.Unparseable(text);
  }

  private static SheetDate fromSerial(@Nullable BigDecimal serial, String text) {
    if (serial == null || serial.signum() <= 0 || serial.compareTo(MAX_SERIAL) > 0) {
      return new SheetDate.Unparseable(text);
    }
    return new SheetDate.Valid(SERIAL_EPOCH.plusDays(serial.longValue()));
  }

  /**
   * A yes/no cell such as {@code Activo}. Yes: the boolean {@code TRUE}, the number 1, and the
   * words {@code TRUE}, {@code VERDADERO}, {@code Sí}/{@code Si}/{@code S}, {@code Yes}/{@code Y},
   * {@code 1}, {@code X}, {@code Activo}. No: {@code FALSE}, 0, {@code FALSO}, {@code No}/ {@code
   * N}, {@code 0}, {@code Inactivo}. Case, accents and surrounding spaces do not matter.
   *
   * @return empty for a blank cell or anything else
   */
  static Optional<Boolean> flag(@Nullable Object cell) {
    if (cell instanceof Boolean value) {
      return Optional.of(value);
    }
    if (cell instanceof Number number) {
      BigDecimal decimal = decimal(number);
      if (decimal != null && decimal.compareTo(BigDecimal.ONE) == 0) {
        return Optional.of(true);
      }
      if (decimal != null && decimal.signum() == 0) {
        return Optional.of(false);
      }
      return Optional.empty();
    }
    String word = fold(text(cell));
    if (TRUE_WORDS.contains(word)) {
      return Optional.of(true);
    }
    if (FALSE_WORDS.contains(word)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /** A whole number such as a worker id: {@code 94}, {@code 94.0} or the text {@code " 94 "}. */
  static Optional<Integer> integer(@Nullable Object cell) {
    BigDecimal decimal;
    if (cell instanceof Number number) {
      decimal = decimal(number);
    } else {
      String text = text(cell);
      try {
        decimal = text.isEmpty() ? null : new BigDecimal(text);
      } catch (NumberFormatException e) {
        decimal = null;
      }
    }
    if (decimal == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(decimal.intValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  static boolean isBlank(List<?> row) {
    return row.stream().allMatch(cell -> text(cell).isEmpty());
  }

  /** The exact value of a number whatever type the JSON parser chose; null if not finite. */
  private static @Nullable BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof Double || number instanceof Float) {
      double value = number.doubleValue();
      return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
    }
    try {
      return new BigDecimal(number.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String plain(BigDecimal decimal) {
    BigDecimal stripped = decimal.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
  }
}
