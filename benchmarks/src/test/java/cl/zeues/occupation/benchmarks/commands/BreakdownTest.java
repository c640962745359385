package cl.zeues.occupation.benchmarks.commands;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.TimingHeaders;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class BreakdownTest {

  static RecordHeaders reply(long api, long received, long loaded, long decided, long written) {
    RecordHeaders headers = new RecordHeaders();
    if (api >= 0) {
      headers.add(TimingHeaders.API_PUBLISH, TimingHeaders.encode(api));
    }
    headers.add(TimingHeaders.RECEIVED, TimingHeaders.encode(received));
    headers.add(TimingHeaders.LOADED, TimingHeaders.encode(loaded));
    headers.add(TimingHeaders.DECIDED, TimingHeaders.encode(decided));
    headers.add(TimingHeaders.WRITTEN, TimingHeaders.encode(written));
    return headers;
  }

  @Test
  void anHttpCommandsTimeIsSplitAtEveryStamp() {
    Breakdown breakdown = new Breakdown();

    breakdown.record(1_000, reply(1_500, 2_000, 2_300, 2_310, 2_800), 4_800, 5_000);

    assertThat(breakdown.figures())
        .extracting(Breakdown.Figures::p50)
        .containsExactly(0.5, 0.5, 0.3, 0.01, 0.49, 2.0, 0.2, 4.0);
  }

  @Test
  void withoutHttpTheCommandGoesStraightToTheProcessor() {
    Breakdown breakdown = new Breakdown();

    breakdown.record(1_000, reply(-1, 2_000, 2_300, 2_310, 2_800), 4_800, 4_800);

    assertThat(breakdown.figures())
        .extracting(Breakdown.Figures::segment)
        .doesNotContain(Breakdown.Segment.TO_API.label, Breakdown.Segment.TO_CLIENT.label)
        .startsWith(Breakdown.Segment.TO_PROCESSOR.label);
  }

  @Test
  void aReplyWithoutTheProcessorsStampsIsNotCounted() {
    Breakdown breakdown = new Breakdown();

    breakdown.record(1_000, new RecordHeaders(), 2_000, 2_000);

    assertThat(breakdown.figures()).isEmpty();
  }

  @Test
  void aStretchTwoObserversMeasuredBelowZeroCountsAsZero() {
    Breakdown breakdown = new Breakdown();

    // the driver's reply watch read the reply after the HTTP answer had come
    breakdown.record(1_000, reply(1_500, 2_000, 2_300, 2_310, 2_800), 5_100, 5_000);

    assertThat(breakdown.figures())
        .filteredOn(f -> f.segment().equals(Breakdown.Segment.TO_CLIENT.label))
        .singleElement()
        .extracting(Breakdown.Figures::p50)
        .isEqualTo(0.0);
  }
}
