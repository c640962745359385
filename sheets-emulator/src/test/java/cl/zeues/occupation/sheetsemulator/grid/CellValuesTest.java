package cl.zeues.occupation.sheetsemulator.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CellValuesTest {

  @Test
  void rawKeepsAStringStartingWithEqualsAsText() {
    Cell cell = CellValues.fromInput("=1+1", ValueInputOption.RAW);
    assertThat(cell).isEqualTo(new Cell.Text("=1+1"));
    for (ValueRenderOption render : ValueRenderOption.values()) {
      assertThat(CellValues.render(cell, render)).isEqualTo("=1+1");
    }
  }

  @Test
  void userEnteredFormulaRendersItsResultOrItsText() {
    Cell cell = CellValues.fromInput("=1+1", ValueInputOption.USER_ENTERED);
    assertThat(cell).isEqualTo(new Cell.Formula("=1+1"));
    assertThat(CellValues.render(cell, ValueRenderOption.FORMULA)).isEqualTo("=1+1");
    assertThat(CellValues.render(cell, ValueRenderOption.FORMATTED_VALUE)).isEqualTo("2");
    assertThat(CellValues.render(cell, ValueRenderOption.UNFORMATTED_VALUE))
        .isEqualTo(new BigDecimal("2"));
  }

  @Test
  void userEnteredParsesNumbersBooleansAndApostropheText() {
    assertThat(CellValues.fromInput("1.50", ValueInputOption.USER_ENTERED))
        .isEqualTo(new Cell.Numeric(new BigDecimal("1.50")));
    assertThat(CellValues.fromInput("true", ValueInputOption.USER_ENTERED))
        .isEqualTo(new Cell.Bool(true));
    assertThat(CellValues.fromInput("'00123", ValueInputOption.USER_ENTERED))
        .isEqualTo(new Cell.Text("00123"));
    assertThat(CellValues.fromInput("12 kg", ValueInputOption.USER_ENTERED))
        .isEqualTo(new Cell.Text("12 kg"));
    assertThat(CellValues.fromInput("", ValueInputOption.USER_ENTERED)).isNull();
  }

  @Test
  void rawKeepsNumericLookingStringsAsText() {
    assertThat(CellValues.fromInput("007", ValueInputOption.RAW)).isEqualTo(new Cell.Text("007"));
  }

  @Test
  void numbersAndBooleansRenderLikeGoogle() {
    Cell number = new Cell.Numeric(new BigDecimal("1.500"));
    assertThat(CellValues.render(number, ValueRenderOption.FORMATTED_VALUE)).isEqualTo("1.5");
    assertThat(
            CellValues.render(
                new Cell.Numeric(new BigDecimal("1E+2")), ValueRenderOption.FORMATTED_VALUE))
        .isEqualTo("100");
    assertThat(CellValues.render(new Cell.Bool(false), ValueRenderOption.FORMATTED_VALUE))
        .isEqualTo("FALSE");
    assertThat(CellValues.render(new Cell.Bool(false), ValueRenderOption.UNFORMATTED_VALUE))
        .isEqualTo(false);
  }

  @Test
  void formulasTheEmulatorCannotEvaluateStillRenderAsErrors() {
    assertThat(FormulaEvaluator.evaluate("=HYPERLINK(\"http://x\",\"y\")"))
        .isEqualTo(new Cell.Text("#NAME?"));
    assertThat(FormulaEvaluator.evaluate("=1+")).isEqualTo(new Cell.Text("#ERROR!"));
    assertThat(FormulaEvaluator.evaluate("=1/0")).isEqualTo(new Cell.Text("#DIV/0!"));
    assertThat(FormulaEvaluator.evaluate("=(2+3)*4-2^3"))
        .isEqualTo(new Cell.Numeric(new BigDecimal("12")));
    assertThat(FormulaEvaluator.evaluate("=\"a\"&\"b\"&1")).isEqualTo(new Cell.Text("ab1"));
  }
}
