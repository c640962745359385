package cl.zeues.occupation.sheetsemulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSeedTest {

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
    assertThat(CsvSeed.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n"))
        .isEqualTo(List.of(List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "x")));
  }

  @Test
  void lastLineWithoutNewlineAndByteOrderMarkAreHandled() {
    assertThat(CsvSeed.parse("\uFEFFTAG,QTY\nS-1,3"))
        .isEqualTo(List.of(List.of("TAG", "QTY"), List.of("S-1", "3")));
  }
}
