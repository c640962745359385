package cl.zeues.occupation.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SheetFormatsTest {

  @Test
  void timestampsAreChileanSummerTimeInJanuary() {
    // UTC-3 in summer.
    assertThat(SheetFormats.timestamp(Instant.parse("2026-01-21T14:05:09Z")))
        .isEqualTo("21-01-2026 11:05:09");
  }

  @Test
  void timestampsAreChileanWinterTimeInJuly() {
    // UTC-4 in winter.
    assertThat(SheetFormats.timestamp(Instant.parse("2026-07-01T14:05:09Z")))
        .isEqualTo("01-07-2026 10:05:09");
  }

  @Test
  void endOfSummerTimeRepeatsTheLastHourOfSaturday() {
    // Saturday 4 April 2026 at 24:00 (-03) clocks go back to 23:00 (-04).
    assertThat(SheetFormats.timestamp(Instant.parse("2026-04-05T02:30:00Z")))
        .isEqualTo("04-04-2026 23:30:00");
    assertThat(SheetFormats.timestamp(Instant.parse("2026-04-05T03:30:00Z")))
        .isEqualTo("04-04-2026 23:30:00");
    assertThat(SheetFormats.date(Instant.parse("2026-04-05T03:59:59Z"))).isEqualTo("04-04-2026");
    assertThat(SheetFormats.date(Instant.parse("2026-04-05T04:00:00Z"))).isEqualTo("05-04-2026");
  }

  @Test
  void startOfSummerTimeSkipsMidnight() {
    // Saturday 5 September 2026 at 24:00 (-04) clocks jump to 01:00 (-03).
    assertThat(SheetFormats.timestamp(Instant.parse("2026-09-06T03:59:59Z")))
        .isEqualTo("05-09-2026 23:59:59");
    assertThat(SheetFormats.timestamp(Instant.parse("2026-09-06T04:00:00Z")))
        .isEqualTo("06-09-2026 01:00:00");
  }

  @Test
  void theChileanDateIsNotTheUtcDate() {
    assertThat(SheetFormats.date(Instant.parse("2026-03-11T02:00:00Z"))).isEqualTo("10-03-2026");
    assertThat(SheetFormats.date(LocalDate.of(2026, 3, 9))).isEqualTo("09-03-2026");
  }

  @Test
  void absentValuesAreEmpty() {
    assertThat(SheetFormats.timestamp(null)).isEmpty();
    assertThat(SheetFormats.date((LocalDate) null)).isEmpty();
  }
}
