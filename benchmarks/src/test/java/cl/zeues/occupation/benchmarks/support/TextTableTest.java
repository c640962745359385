package cl.zeues.occupation.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void labelsAlignLeftAndFiguresAlignRight() {
    String table =
        new TextTable().row("", "HTTP", "baseline").row("p50 (ms)", "3.1", "1.25").render();

    assertThat(table).isEqualTo("          HTTP  baseline\np50 (ms)   3.1      1.25\n");
  }

  @Test
  void rowsMustHaveAsManyCellsAsTheFirst() {
    TextTable table = new TextTable().row("a", "b");

    assertThatThrownBy(() -> table.row("a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersUseADotWhateverTheLocale() {
    assertThat(TextTable.fmt(1234.5678, 2)).isEqualTo("1234.57");
  }

  @Test
  void percentilesAreReadInMillisecondsFromMicroseconds() {
    Histogram micros = Percentiles.micros();
    for (int i = 1; i <= 1_000; i++) {
      Percentiles.record(micros, i * 10_000L);
    }

    Percentiles percentiles = Percentiles.of(micros);

    assertThat(percentiles.count()).isEqualTo(1_000);
    assertThat(percentiles.p50()).isEqualTo(5.0);
    assertThat(percentiles.p99()).isEqualTo(9.9);
    assertThat(percentiles.max()).isEqualTo(10.0);
    assertThat(Percentiles.of(Percentiles.micros())).isEqualTo(Percentiles.NONE);
  }
}
