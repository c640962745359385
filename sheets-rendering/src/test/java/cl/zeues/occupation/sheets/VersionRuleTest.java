package cl.zeues.occupation.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VersionRuleTest {

  @Test
  void aNewerVersionOverwritesTheRow() {
    assertThat(VersionRule.isNewer(3, BigDecimal.valueOf(2))).isTrue();
    assertThat(VersionRule.isNewer(3, 2)).isTrue();
  }

  @Test
  void theSameOrAnOlderVersionLeavesTheRowAlone() {
    assertThat(VersionRule.isNewer(3, BigDecimal.valueOf(3))).isFalse();
    assertThat(VersionRule.isNewer(3, 7L)).isFalse();
    assertThat(VersionRule.isNewer(3, "3")).isFalse();
  }

  @Test
  void emptyOrLegacyVersionCellsCountAsZero() {
    assertThat(VersionRule.isNewer(1, null)).isTrue();
    assertThat(VersionRule.isNewer(1, "")).isTrue();
    assertThat(VersionRule.isNewer(1, "0b6f0d0e-5d1c-4e8a-9a57-4a3f0d4b9c11")).isTrue();
    assertThat(VersionRule.rowVersion(" 12 ")).isEqualTo(12);
  }
}
