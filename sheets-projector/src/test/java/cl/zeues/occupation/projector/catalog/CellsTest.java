package cl.zeues.occupation.projector.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {

  static final LocalDate MAY_13 = LocalDate.of(2026, 5, 13);

  @Test
  void sheetDateFormatsAllParse() {
    assertThat(Cells.date("13-05-2026")).isEqualTo(new SheetDate.Valid(MAY_13));
    assertThat(Cells.date("13/05/2026")).isEqualTo(new SheetDate.Valid(MAY_13));
    assertThat(Cells.date("2026-05-13")).isEqualTo(new SheetDate.Valid(MAY_13));
    assertThat(Cells.date(" 3-5-2026 ")).isEqualTo(new SheetDate.Valid(LocalDate.of(2026, 5, 3)));
  }

  @Test
  void aTimeAfterTheDateIsIgnored() {
    assertThat(Cells.date("13-05-2026 11:33:48")).isEqualTo(new SheetDate.Valid(MAY_13));
    assertThat(Cells.date("2026-05-13T11:33:48")).isEqualTo(new SheetDate.Valid(MAY_13));
  }

  @Test
  void serialNumbersCountDaysFrom1899December30AndIgnoreTheTimeOfDay() {
    assertThat(Cells.date(new BigDecimal("46155.4818"))).isEqualTo(new SheetDate.Valid(MAY_13));
    assertThat(Cells.date(46155.4818d)).isEqualTo(new SheetDate.Valid(MAY_13));
    assertThat(Cells.date(46155)).isEqualTo(new SheetDate.Valid(MAY_13));
    assertThat(Cells.date(new BigDecimal("46155.9999"))).isEqualTo(new SheetDate.Valid(MAY_13));
    assertThat(Cells.date("46155.4818")).isEqualTo(new SheetDate.Valid(MAY_13));
    assertThat(Cells.date(1)).isEqualTo(new SheetDate.Valid(LocalDate.of(1899, 12, 31)));
  }

  @Test
  void emptyCellsAreNoDate() {
    assertThat(Cells.date(null)).isEqualTo(new SheetDate.Empty());
    assertThat(Cells.date("")).isEqualTo(new SheetDate.Empty());
    assertThat(Cells.date("   ")).isEqualTo(new SheetDate.Empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"pendiente", "31-02-2026", "13-13-2026", "13.05.2026", "05-2026", "TRUE"})
  void garbageIsUnparseableAndKeepsTheText(String text) {
    assertThat(Cells.date(text)).isEqualTo(new SheetDate.Unparseable(text));
    assertThat(Cells.date(text).orNull()).isNull();
  }

  @Test
  void impossibleSerialsAndOtherTypesAreUnparseable() {
    assertThat(Cells.date(0)).isInstanceOf(SheetDate.Unparseable.class);
    assertThat(Cells.date(-3.5)).isInstanceOf(SheetDate.Unparseable.class);
    assertThat(Cells.date(1e12)).isInstanceOf(SheetDate.Unparseable.class);
    assertThat(Cells.date(Double.NaN)).isInstanceOf(SheetDate.Unparseable.class);
    assertThat(Cells.date(true)).isEqualTo(new SheetDate.Unparseable("true"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"TRUE", "true", " True ", "VERDADERO", "Sí", "SI", "si", "S", "yes", "1", "x"})
  void activoYesWords(String text) {
    assertThat(Cells.flag(text)).contains(true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FALSE", "false", "FALSO", "No", "NO", "n", "0"})
  void activoNoWords(String text) {
    assertThat(Cells.flag(text)).contains(false);
  }

  @Test
  void activoBooleansAndNumbers() {
    assertThat(Cells.flag(Boolean.TRUE)).contains(true);
    assertThat(Cells.flag(Boolean.FALSE)).contains(false);
    assertThat(Cells.flag(BigDecimal.ONE)).contains(true);
    assertThat(Cells.flag(new BigDecimal("1.0"))).contains(true);
    assertThat(Cells.flag(0)).contains(false);
  }

  @Test
  void activoUnreadableIsEmpty() {
    assertThat(Cells.flag(null)).isEmpty();
    assertThat(Cells.flag("")).isEmpty();
    assertThat(Cells.flag("tal vez")).isEmpty();
    assertThat(Cells.flag(2)).isEmpty();
  }

  @Test
  void idsAsNumbersOrText() {
    assertThat(Cells.integer(94)).contains(94);
    assertThat(Cells.integer(94.0d)).contains(94);
    assertThat(Cells.integer(new BigDecimal("94.0"))).contains(94);
    assertThat(Cells.integer(" 94 ")).contains(94);
    assertThat(Cells.integer("94.0")).contains(94);
    assertThat(Cells.integer(94.5d)).isEmpty();
    assertThat(Cells.integer("JP")).isEmpty();
    assertThat(Cells.integer("")).isEmpty();
    assertThat(Cells.integer(1e12)).isEmpty();
  }

  @Test
  void textOfNumbersHasNoUselessDecimals() {
    assertThat(Cells.text(new BigDecimal("1234.0"))).isEqualTo("1234");
    assertThat(Cells.text(1234.0d)).isEqualTo("1234");
    assertThat(Cells.text(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Cells.text(new BigDecimal("12.50"))).isEqualTo("12.5");
    assertThat(Cells.text("  MK-1 ")).isEqualTo("MK-1");
    assertThat(Cells.text(null)).isEmpty();
  }
}
