package cl.zeues.occupation.sheetsemulator.a1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.sheetsemulator.a1.A1Range.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class A1NotationTest {

  @Test
  void quotedSheetWithSpacesAndAccentsAndArea() {
    assertThat(A1Notation.parse("'Hoja Uno Año'!A1:B2"))
        .isEqualTo(new A1Range("Hoja Uno Año", 0, 0, 1, 1, Shape.AREA));
  }

  @Test
  void doubledQuoteInsideAQuotedSheetIsOneQuote() {
    assertThat(A1Notation.parse("'O''Brien'!C3").sheet()).isEqualTo("O'Brien");
  }

  @Test
  void bareSheetNameIsTheWholeSheet() {
    assertThat(A1Notation.parse("Metadata")).isEqualTo(A1Range.wholeSheet("Metadata"));
    assertThat(A1Notation.parse("'Hoja Uno'")).isEqualTo(A1Range.wholeSheet("Hoja Uno"));
    assertThat(A1Notation.parse("Hoja Uno")).isEqualTo(A1Range.wholeSheet("Hoja Uno"));
  }

  @Test
  void columnsOnlyRangeIsOpenDownwards() {
    assertThat(A1Notation.parse("Metadata!A:K"))
        .isEqualTo(new A1Range("Metadata", 0, 0, null, 10, Shape.AREA));
    assertThat(A1Notation.parse("A:A")).isEqualTo(new A1Range(null, 0, 0, null, 0, Shape.AREA));
  }

  @Test
  void startCellWithEndColumnIsOpenDownwardsFromTheStartRow() {
    assertThat(A1Notation.parse("Metadata!A2:K"))
        .isEqualTo(new A1Range("Metadata", 1, 0, null, 10, Shape.AREA));
  }

  @Test
  void rowsOnlyRangeIsOpenToTheRight() {
    assertThat(A1Notation.parse("Sheet1!2:2"))
        .isEqualTo(new A1Range("Sheet1", 1, 0, 1, null, Shape.AREA));
  }

  @Test
  void singleCellIsAnAnchor() {
    assertThat(A1Notation.parse("Sheet1!$B$3"))
        .isEqualTo(new A1Range("Sheet1", 2, 1, 2, 1, Shape.SINGLE_CELL));
  }

  @Test
  void lowercaseAndReversedCornersAreNormalized() {
    assertThat(A1Notation.parse("s!c5:a1")).isEqualTo(new A1Range("s", 0, 0, 4, 2, Shape.AREA));
  }

  @Test
  void textThatReadsAsACellIsACellOfTheFirstSheetEvenIfASheetHasThatName() {
    int crm = A1Notation.columnIndex("CRM");
    assertThat(A1Notation.parse("CRM26"))
        .isEqualTo(new A1Range(null, 25, crm, 25, crm, Shape.SINGLE_CELL));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sheet1!A0",
        "Sheet1!ZZZZ1",
        "'Unterminated!A1",
        "Sheet1!",
        "!A1",
        "'a'b",
        "S!A1:",
        "S!1",
        "S!A",
        " "
      })
  void malformedRangesAreRejected(String text) {
    assertThatThrownBy(() -> A1Notation.parse(text))
        .isInstanceOf(A1ParseException.class)
        .hasMessage("Unable to parse range: " + text);
  }

  @Test
  void columnNamesRoundTrip() {
    assertThat(A1Notation.columnName(0)).isEqualTo("A");
    assertThat(A1Notation.columnName(25)).isEqualTo("Z");
    assertThat(A1Notation.columnName(26)).isEqualTo("AA");
    assertThat(A1Notation.columnName(A1Notation.MAX_COLUMNS - 1)).isEqualTo("ZZZ");
    for (int i = 0; i < 2000; i++) {
      assertThat(A1Notation.columnIndex(A1Notation.columnName(i))).isEqualTo(i);
    }
  }

  @Test
  void formatQuotesOnlyTitlesThatNeedIt() {
    assertThat(A1Notation.format("Metadata", 0, 0, 11, 10)).isEqualTo("Metadata!A1:K12");
    assertThat(A1Notation.format("Hoja Uno", 0, 0, 1, 1)).isEqualTo("'Hoja Uno'!A1:B2");
    assertThat(A1Notation.format("O'Brien", 2, 2, 2, 2)).isEqualTo("'O''Brien'!C3");
    assertThat(A1Notation.format("A1", 0, 0, 0, 0)).isEqualTo("'A1'!A1");
  }
}
