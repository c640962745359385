package cl.zeues.occupation.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.audit.log.CannotRunException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimesTest {

  private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

  @Test
  void instantsLocalTimesAndDatesAreAccepted() {
    Instant expected = Instant.parse("2026-03-02T13:15:00Z");
    assertThat(Times.parse("2026-03-02T13:15:00Z", SANTIAGO)).isEqualTo(expected);
    assertThat(Times.parse("2026-03-02T10:15:00-03:00", SANTIAGO)).isEqualTo(expected);
    assertThat(Times.parse("2026-03-02T10:15", SANTIAGO)).isEqualTo(expected);
    assertThat(Times.parse("2026-03-02 10:15:00", SANTIAGO)).isEqualTo(expected);
    assertThat(Times.parse("02-03-2026 10:15:00", SANTIAGO)).isEqualTo(expected);
    assertThat(Times.parse("2026-03-02", SANTIAGO))
        .isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));
    assertThat(Times.print(expected, SANTIAGO)).isEqualTo("2026-03-02 10:15:00");
  }

  @Test
  void anythingElseIsAClearError() {
    assertThatThrownBy(() -> Times.parse("yesterday", SANTIAGO))
        .isInstanceOf(CannotRunException.class)
        .hasMessageContaining("cannot read time 'yesterday'");
  }
}
