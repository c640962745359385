package cl.zeues.occupation.views.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BodiesTest {

  @Test
  void durationsReadAsTheEarlierHistoryWroteThem() {
    assertThat(Bodies.humanDuration(Duration.ofMinutes(135))).isEqualTo("2h 15m");
    assertThat(Bodies.humanDuration(Duration.ofMinutes(45).plusSeconds(59))).isEqualTo("45m");
    assertThat(Bodies.humanDuration(Duration.ofHours(26))).isEqualTo("26h 0m");
    assertThat(Bodies.humanDuration(Duration.ofSeconds(20))).isEqualTo("0m");
  }
}
