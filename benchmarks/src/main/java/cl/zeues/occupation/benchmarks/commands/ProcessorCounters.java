package cl.zeues.occupation.benchmarks.commands;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * What the processor's own meters say about a phase, read from its registry in this JVM: how many
 * commands it decided, in how many listener batches (one Kafka transaction each), how long its
 * listener spent per batch (Redis, the decider, sends) and how long the producer spent committing
 * transactions. Where the time of a command goes, as far as the processor can tell.
 *
 * @param decisions {@code zeues.occupation.decisions}, every outcome
 * @param batches {@code spring.kafka.listener} samples: one per poll with records, each its own
 *     transaction
 * @param listenerMillis total time inside the listener
 * @param commitMillis {@code kafka.producer.txn.commit.time.ns.total}, in milliseconds
 */
record ProcessorCounters(long decisions, long batches, double listenerMillis, double commitMillis) {

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
    double commitNanos = 0;
    for (FunctionCounter counter :
        registry.find("kafka.producer.txn.commit.time.ns.total").functionCounters()) {
      commitNanos += counter.count();
    }
    return new ProcessorCounters(decisions, batches, listener, commitNanos / 1e6);
  }

  ProcessorCounters minus(ProcessorCounters before) {
    return new ProcessorCounters(
        decisions - before.decisions,
        batches - before.batches,
        listenerMillis - before.listenerMillis,
        commitMillis - before.commitMillis);
  }

  double commandsPerTransaction() {
    return batches == 0 ? 0 : round((double) decisions / batches, 1);
  }

  double listenerMeanMs() {
    return batches == 0 ? 0 : round(listenerMillis / batches, 2);
  }

  double commitMeanMs() {
    return batches == 0 ? 0 : round(commitMillis / batches, 2);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
