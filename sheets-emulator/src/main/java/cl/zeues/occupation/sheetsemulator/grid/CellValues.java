package cl.zeues.occupation.sheetsemulator.grid;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns written JSON values into cells and cells into response values. */
public final class CellValues {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private CellValues() {}

  /**
   * The cell for a written value, or {@code null} for an empty one. A JSON {@code null} never
   * reaches here: Google skips it and leaves the cell unchanged.
   */
  public static @Nullable Cell fromInput(Object value, ValueInputOption option) {
    return switch (value) {
      case Boolean b -> new Cell.Bool(b);
      case BigDecimal d -> new Cell.Numeric(d);
      case Number n -> new Cell.Numeric(new BigDecimal(n.toString()));
      case String s -> option == ValueInputOption.RAW ? raw(s) : userEntered(s);
      default -> throw GoogleApiException.badRequest("Invalid value: " + value);
    };
  }

  private static @Nullable Cell raw(String text) {
    return text.isEmpty() ? null : new Cell.Text(text);
  }

  /**
   * Parses like the Sheets UI, within what an emulator needs: formulas, plain numbers, TRUE/FALSE,
   * and a leading apostrophe forcing text. Dates, currencies and percentages stay text.
   */
  static @Nullable Cell userEntered(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (text.startsWith("'")) {
      return raw(text.substring(1));
    }
    if (text.startsWith("=") && text.length() > 1) {
      return new Cell.Formula(text);
    }
    String trimmed = text.strip();
    if (NUMBER.matcher(trimmed).matches()) {
      return new Cell.Numeric(
          new BigDecimal(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed));
    }
    if (trimmed.equalsIgnoreCase("TRUE") || trimmed.equalsIgnoreCase("FALSE")) {
      return new Cell.Bool(Boolean.parseBoolean(trimmed));
    }
    return new Cell.Text(text);
  }

  /**
   * The JSON value of a cell: a String, a BigDecimal or a Boolean. Formulas are evaluated by {@link
   * FormulaEvaluator} except under {@code FORMULA}, so a formula never renders as its own text and
   * cannot be mistaken for inert text that merely starts with {@code =}.
   */
  public static Object render(Cell cell, ValueRenderOption option) {
    return switch (cell) {
      case Cell.Text t -> t.value();
      case Cell.Numeric n ->
          option == ValueRenderOption.FORMATTED_VALUE ? format(n.value()) : plain(n.value());
      case Cell.Bool b ->
          option == ValueRenderOption.FORMATTED_VALUE ? (b.value() ? "TRUE" : "FALSE") : b.value();
      case Cell.Formula f ->
          option == ValueRenderOption.FORMULA
              ? f.text()
              : render(FormulaEvaluator.evaluate(f.text()), option);
    };
  }

  /** Integral numbers print without a fraction, as in Google's default "Automatic" format. */
  static String format(BigDecimal value) {
    return plain(value).toPlainString();
  }

  static BigDecimal plain(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
