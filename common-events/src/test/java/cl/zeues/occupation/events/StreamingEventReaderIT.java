package cl.zeues.occupation.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A million random events, as JsonCodec writes them (one in eight with its fields shuffled and
 * unknown fields added), read by the streaming reader and by databind: the same record every time,
 * and none left to databind. Prints both readers' throughput (a figure, not an assertion: the
 * machine is shared).
 */
class StreamingEventReaderIT {

  private static final int EVENTS = 1_000_000;
  private static final int BATCH = 10_000;

  private final JsonCodec codec = new JsonCodec();
  private final StreamingEventReader reader = codec.eventReader();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  @Test
  void aMillionEventsReadTheSameAsDatabindReadsThem() {
    RandomEvents events = new RandomEvents(1_000_000);
    Random random = new Random(1_000_000);
    Timing streaming = new Timing();
    Timing databind = new Timing();
    byte[][] batch = new byte[BATCH][];
    OccupationEvent[] read = new OccupationEvent[BATCH];
    for (int done = 0; done < EVENTS; done += BATCH) {
      for (int i = 0; i < BATCH; i++) {
        batch[i] = codec.write(events.next());
        if (random.nextInt(8) == 0) {
          JsonFields fields = JsonFields.of(batch[i]);
          fields.disguise(random);
          batch[i] = fields.bytes();
        }
      }
      boolean secondHalf = done >= EVENTS / 2;

      streaming.start();
      for (int i = 0; i < BATCH; i++) {
        read[i] = reader.read(batch[i]);
      }
      streaming.stop(secondHalf);
      databind.start();
      for (int i = 0; i < BATCH; i++) {
        OccupationEvent bound = codec.bind(batch[i], OccupationEvent.class);
        if (!bound.equals(read[i])) {
          assertThat(read[i])
              .as("%s", new String(batch[i], StandardCharsets.UTF_8))
              .isEqualTo(bound);
        }
      }
      databind.stop(secondHalf);
    }

    System.out.printf(
        "StreamingEventReaderIT: %,d events equal; streaming %s; databind (with the comparison) %s%n",
        EVENTS, streaming, databind);
  }

  /** Wall and thread CPU time over all batches, and over the second half (JIT warmed up). */
  private final class Timing {
    private long wallStart;
    private long cpuStart;
    private long wall;
    private long cpu;
    private long warmWall;
    private long warmCpu;

    void start() {
      wallStart = System.nanoTime();
      cpuStart = threads.getCurrentThreadCpuTime();
    }

    void stop(boolean warm) {
      long wallSpent = System.nanoTime() - wallStart;
      long cpuSpent = threads.getCurrentThreadCpuTime() - cpuStart;
      wall += wallSpent;
      cpu += cpuSpent;
      if (warm) {
        warmWall += wallSpent;
        warmCpu += cpuSpent;
      }
    }

    @Override
    public String toString() {
      return "all %.2f µs/event wall (%,.0f events/s), %.2f µs CPU; second half %.2f µs wall (%,.0f events/s), %.2f µs CPU"
          .formatted(
              wall / 1e3 / EVENTS,
              EVENTS / (wall / 1e9),
              cpu / 1e3 / EVENTS,
              warmWall / 1e3 / (EVENTS / 2),
              (EVENTS / 2) / (warmWall / 1e9),
              warmCpu / 1e3 / (EVENTS / 2));
    }
  }
}
