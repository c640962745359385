package cl.zeues.occupation.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimingHeadersTest {

  @Test
  void aStampReadsBackAsWritten() {
    long stamp = 1_796_300_000_123_456L;
    assertThat(TimingHeaders.decode(TimingHeaders.encode(stamp))).isEqualTo(stamp);
    assertThat(TimingHeaders.decode(TimingHeaders.encode(0))).isZero();
  }

  @Test
  void aHeaderOfAnotherLengthIsNoStamp() {
    assertThat(TimingHeaders.decode(new byte[] {1, 2, 3})).isEqualTo(-1);
  }

  @Test
  void nowIsInMicrosecondsSinceTheEpoch() {
    long before = System.currentTimeMillis();
    long now = TimingHeaders.now();
    assertThat(now / 1_000).isBetween(before - 1, System.currentTimeMillis() + 1);
  }
}
