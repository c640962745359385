package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.events.TimingHeaders;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Where a phase's commands spent their time, segment by segment, from the stamps the command-api
 * and the processor put on each reply ({@link TimingHeaders}) and the driver's own (when it sent,
 * when the reply was read, when the answer came). Every service and the driver share one JVM (or,
 * with the broker in its own, one machine's clock), so the stamps compare. Thread-safe.
 */
final class Breakdown {

  /** A stretch between two stamps, in the order a command meets them. */
  enum Segment {
    TO_API("driver -> API publishes (HTTP in, API: parse, validate, worker)"),
    TO_PROCESSOR("-> processor's poll has it (produce, fetch)"),
    LOAD("-> Redis load done (the batch's earlier waves too)"),
    DECIDE("-> decided"),
    WRITE("-> Redis write done"),
    TO_REPLY("-> reply read (rest of batch, send offsets, commit, fetch)"),
    TO_CLIENT("-> HTTP answer at the driver (API: reply, HTTP out)"),
    TOTAL("total: sent -> answered");

    final String label;

    Segment(String label) {
      this.label = label;
    }
  }

  /** One segment's figures, in milliseconds (two decimals). */
  record Figures(String segment, long count, double p50, double p99) {}

  private final Map<Segment, Histogram> micros = new EnumMap<>(Segment.class);

  /**
   * One answered command.
   *
   * @param sent when the driver sent it (epoch microseconds)
   * @param reply the reply's headers: the processor's stamps, the API's when it went through HTTP
   * @param replyRead when a driver's consumer read the reply
   * @param answered when the driver had its answer (= {@code replyRead} without HTTP)
   */
  synchronized void record(long sent, Headers reply, long replyRead, long answered) {
    long received = stamp(reply, TimingHeaders.RECEIVED);
    if (received < 0) {
      return; // not the processor's reply (the relay stamps nothing)
    }
    long api = stamp(reply, TimingHeaders.API_PUBLISH);
    long loaded = stamp(reply, TimingHeaders.LOADED);
    long decided = stamp(reply, TimingHeaders.DECIDED);
    long written = stamp(reply, TimingHeaders.WRITTEN);
    if (api >= 0) {
      add(Segment.TO_API, api - sent);
      add(Segment.TO_PROCESSOR, received - api);
      add(Segment.TO_CLIENT, answered - replyRead);
    } else {
      add(Segment.TO_PROCESSOR, received - sent);
    }
    add(Segment.LOAD, loaded - received);
    add(Segment.DECIDE, decided - loaded);
    add(Segment.WRITE, written - decided);
    add(Segment.TO_REPLY, replyRead - written);
    add(Segment.TOTAL, answered - sent);
  }

  /** The segments that saw a command, in path order. */
  synchronized List<Figures> figures() {
    List<Figures> figures = new ArrayList<>();
    for (Segment segment : Segment.values()) {
      Histogram h = micros.get(segment);
      if (h != null && h.getTotalCount() > 0) {
        figures.add(
            new Figures(
                segment.label,
                h.getTotalCount(),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(99))));
      }
    }
    return figures;
  }

  /**
   * A stretch measured by two observers (the API's consumer and the driver's read a reply each) can
   * come out below zero; it counts as zero.
   */
  private void add(Segment segment, long stretch) {
    Histogram h = micros.computeIfAbsent(segment, s -> new Histogram(3_600_000_000L, 3));
    h.recordValue(Math.min(h.getHighestTrackableValue(), Math.max(0, stretch)));
  }

  private static long stamp(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null ? -1 : TimingHeaders.decode(header.value());
  }

  private static double ms(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }
}
