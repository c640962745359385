package cl.zeues.occupation.benchmarks.commands;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * What the processor's own meters say about a phase, read from its registry in this JVM: how many
 * commands it decided, in how many listener batches (one Kafka transaction each), how long its
 * listener spent per batch (Redis, the decider, sends), how long the producer spent adding the
 * consumed offsets to each transaction and committing it. Where the time of a command goes, as far
 * as the processor can tell.
 *
 * @param decisions {@code zeues.occupation.decisions}, every outcome
 * @param batches {@code spring.kafka.listener} samples: one per poll with records, each its own
 *     transaction
 * @param listenerMillis total time inside the listener
 * @param sendOffsetsMillis {@code kafka.producer.txn.send.offsets.time.ns.total}, in milliseconds:
 *     {@code sendOffsetsToTransaction}, retries after {@code CONCURRENT_TRANSACTIONS} included
 * @param commitMillis {@code kafka.producer.txn.commit.time.ns.total}, in milliseconds
 */
record ProcessorCounters(
    long decisions,
    long batches,
    double listenerMillis,
    double sendOffsetsMillis,
    double commitMillis) {

  static ProcessorCounters read(MeterRegistry registry) {
    long decisions = 0;
    for (Counter counter : registry.find("zeues.occupation.decisions").counters()) {
      decisions += (long) counter.count();
    }
    long batches = 0;
    double listener = 0;
    for (Timer timer : registry.find("spring.kafka.listener").timers()) {
      batches += timer.count();
      listener += timer.totalTime(TimeUnit.MILLISECONDS);
    }
    return new ProcessorCounters(
        decisions,
        batches,
        listener,
        nanos(registry, "kafka.producer.txn.send.offsets.time.ns.total") / 1e6,
        nanos(registry, "kafka.producer.txn.commit.time.ns.total") / 1e6);
  }

  private static double nanos(MeterRegistry registry, String name) {
    double nanos = 0;
    for (FunctionCounter counter : registry.find(name).functionCounters()) {
      nanos += counter.count();
    }
    return nanos;
  }

  ProcessorCounters minus(ProcessorCounters before) {
    return new ProcessorCounters(
        decisions - before.decisions,
        batches - before.batches,
        listenerMillis - before.listenerMillis,
        sendOffsetsMillis - before.sendOffsetsMillis,
        commitMillis - before.commitMillis);
  }

  double commandsPerTransaction() {
    return batches == 0 ? 0 : round((double) decisions / batches, 1);
  }

  double listenerMeanMs() {
    return batches == 0 ? 0 : round(listenerMillis / batches, 2);
  }

  double sendOffsetsMeanMs() {
    return batches == 0 ? 0 : round(sendOffsetsMillis / batches, 2);
  }

  double commitMeanMs() {
    return batches == 0 ? 0 : round(commitMillis / batches, 2);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
