package cl.zeues.occupation.sheetsemulator.grid;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Evaluates the formulas an emulator can: arithmetic and {@code &} concatenation over number and
 * string literals ({@code =1+1} is 2, {@code ="a"&"b"} is ab). There are no cell references or
 * functions: a name evaluates to {@code #NAME?} (as Google shows an unknown function) and anything
 * unparsable to {@code #ERROR!}. Either way a formula is visibly a formula.
 */
public final class FormulaEvaluator {

  private final String text;
  private int pos;

  private FormulaEvaluator(String text) {
    this.text = text;
  }

  /** Evaluates {@code formula} (with its leading {@code =}) to a text, number or boolean cell. */
  public static Cell evaluate(String formula) {
    FormulaEvaluator evaluator = new FormulaEvaluator(formula.substring(1));
    try {
      Cell result = evaluator.concatenation();
      evaluator.skipSpaces();
      if (evaluator.pos != evaluator.text.length()) {
        throw new FormulaError("#ERROR!");
      }
      return result;
    } catch (FormulaError e) {
      return new Cell.Text(e.getMessage());
    } catch (ArithmeticException e) {
      return new Cell.Text("#DIV/0!");
    } catch (NumberFormatException e) {
      // Math.pow gave NaN or infinity.
      return new Cell.Text("#NUM!");
    }
  }

  private static final class FormulaError extends RuntimeException {
    FormulaError(String code) {
      super(code, null, false, false);
    }
  }

  private Cell concatenation() {
    Cell left = additive();
    while (accept('&')) {
      left = new Cell.Text(asText(left) + asText(additive()));
    }
    return left;
  }

  private Cell additive() {
    Cell left = multiplicative();
    while (true) {
      if (accept('+')) {
        left = number(asNumber(left).add(asNumber(multiplicative())));
      } else if (accept('-')) {
        left = number(asNumber(left).subtract(asNumber(multiplicative())));
      } else {
        return left;
      }
    }
  }

  private Cell multiplicative() {
    Cell left = power();
    while (true) {
      if (accept('*')) {
        left = number(asNumber(left).multiply(asNumber(power())));
      } else if (accept('/')) {
        left = number(asNumber(left).divide(asNumber(power()), MathContext.DECIMAL64));
      } else {
        return left;
      }
    }
  }

  private Cell power() {
    Cell base = unary();
    if (accept('^')) {
      BigDecimal exponent = asNumber(power());
      return number(
          BigDecimal.valueOf(Math.pow(asNumber(base).doubleValue(), exponent.doubleValue())));
    }
    return base;
  }

  private Cell unary() {
    if (accept('-')) {
      return number(asNumber(unary()).negate());
    }
    if (accept('+')) {
      return unary();
    }
    return primary();
  }

  private Cell primary() {
    skipSpaces();
    if (pos >= text.length()) {
      throw new FormulaError("#ERROR!");
    }
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      Cell inner = concatenation();
      if (!accept(')')) {
        throw new FormulaError("#ERROR!");
      }
      return inner;
    }
    if (c == '"') {
      return stringLiteral();
    }
    if (Character.isDigit(c) || c == '.') {
      int start = pos;
      while (pos < text.length()
          && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      try {
        return number(new BigDecimal(text.substring(start, pos)));
      } catch (NumberFormatException e) {
        throw new FormulaError("#ERROR!");
      }
    }
    if (Character.isLetter(c)) {
      throw new FormulaError("#NAME?");
    }
    throw new FormulaError("#ERROR!");
  }

  private Cell stringLiteral() {
    StringBuilder value = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        if (pos < text.length() && text.charAt(pos) == '"') {
          value.append('"');
          pos++;
        } else {
          return new Cell.Text(value.toString());
        }
      } else {
        value.append(c);
      }
    }
    throw new FormulaError("#ERROR!");
  }

  private boolean accept(char expected) {
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == expected) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipSpaces() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
  }

  private static Cell number(BigDecimal value) {
    return new Cell.Numeric(value);
  }

  private static BigDecimal asNumber(Cell cell) {
    return switch (cell) {
      case Cell.Numeric n -> n.value();
      case Cell.Bool b -> b.value() ? BigDecimal.ONE : BigDecimal.ZERO;
      case Cell.Text t -> {
        try {
          yield new BigDecimal(t.value().strip());
        } catch (NumberFormatException e) {
          throw new FormulaError("#VALUE!");
        }
      }
      case Cell.Formula f -> throw new FormulaError("#ERROR!");
    };
  }

  private static String asText(Cell cell) {
    return switch (cell) {
      case Cell.Numeric n -> CellValues.format(n.value());
      case Cell.Bool b -> b.value() ? "TRUE" : "FALSE";
      case Cell.Text t -> t.value();
      case Cell.Formula f -> throw new FormulaError("#ERROR!");
    };
  }
}
