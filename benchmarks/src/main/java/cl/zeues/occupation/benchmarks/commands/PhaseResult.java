package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.support.Percentiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one phase of a run.
 *
 * @param phase e.g. {@code HTTP @ 500/s}
 * @param path {@code baseline} (the raw Kafka relay), {@code kafka} (commands straight to the
 *     processor), {@code http} (through the command-api) or {@code compared} (a second relay with
 *     other client settings)
 * @param mode how the requests were sent
 * @param offeredRate requests per second offered; null unless the phase sends at a rate
 * @param concurrency the driver's workers at a rate; the most requests in flight flat out; 1 when
 *     sequential
 * @param seconds how long requests were offered
 * @param sent requests sent
 * @param completed answers received (some may come after the phase's window)
 * @param unplanned requests that were due when no spool could take one
 * @param throughput answers per second: at a rate, over the time from the first request's due time
 *     to the last answer; flat out, answers within the window over the window
 * @param responseTime from when a request was due (at a rate) or sent (flat out) to its answer
 * @param serviceTime from when a request was sent to its answer
 * @param responseTimeByAction the response times of each tablet action ({@code TOMAR}, ...)
 * @param outcomes answers by code ({@code ACEPTADO}, {@code SPOOL_OCCUPIED}, ..., {@code RELAYED})
 * @param conflictRate the share of answers that were {@code SPOOL_OCCUPIED}
 * @param unexpected answers that contradict the decider's prediction
 * @param processor what the processor's own meters counted during the phase, if it took part
 * @param breakdown where the answers' time went, segment by segment ({@link Breakdown}); empty when
 *     the replies carried no stamps
 */
record PhaseResult(
    String phase,
    String path,
    Mode mode,
    @Nullable Integer offeredRate,
    int concurrency,
    double seconds,
    long sent,
    long completed,
    long unplanned,
    double throughput,
    Percentiles responseTime,
    Percentiles serviceTime,
    Map<String, Percentiles> responseTimeByAction,
    Map<String, Long> outcomes,
    double conflictRate,
    long unexpected,
    List<String> unexpectedSamples,
    @Nullable ProcessorCounters processor,
    List<Breakdown.Figures> breakdown) {

  /** How a phase sends: one request at a time, at an offered rate, or as fast as it goes. */
  enum Mode {
    SEQUENTIAL,
    AT_RATE,
    FLAT_OUT
  }

  PhaseResult {
    responseTimeByAction = Map.copyOf(responseTimeByAction);
    outcomes = Map.copyOf(outcomes);
    unexpectedSamples = List.copyOf(unexpectedSamples);
    breakdown = List.copyOf(breakdown);
  }

  PhaseResult withProcessor(ProcessorCounters counters) {
    return new PhaseResult(
        phase,
        path,
        mode,
        offeredRate,
        concurrency,
        seconds,
        sent,
        completed,
        unplanned,
        throughput,
        responseTime,
        serviceTime,
        responseTimeByAction,
        outcomes,
        conflictRate,
        unexpected,
        unexpectedSamples,
        counters,
        breakdown);
  }

  PhaseResult withBreakdown(List<Breakdown.Figures> figures) {
    return new PhaseResult(
        phase,
        path,
        mode,
        offeredRate,
        concurrency,
        seconds,
        sent,
        completed,
        unplanned,
        throughput,
        responseTime,
        serviceTime,
        responseTimeByAction,
        outcomes,
        conflictRate,
        unexpected,
        unexpectedSamples,
        processor,
        figures);
  }

  /** The figures taken as medians over runs, by name. */
  Map<String, Double> figures() {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("throughput", throughput);
    figures.put("p50_ms", responseTime.p50());
    figures.put("p90_ms", responseTime.p90());
    figures.put("p99_ms", responseTime.p99());
    figures.put("p99_9_ms", responseTime.p999());
    figures.put("max_ms", responseTime.max());
    Percentiles tomar = responseTimeByAction.get("TOMAR");
    if (tomar != null) {
      figures.put("tomar_p50_ms", tomar.p50());
      figures.put("tomar_p99_ms", tomar.p99());
    }
    figures.put("service_p50_ms", serviceTime.p50());
    figures.put("service_p99_ms", serviceTime.p99());
    figures.put("conflict_rate", conflictRate);
    if (processor != null) {
      figures.put("commands_per_transaction", processor.commandsPerTransaction());
      figures.put("listener_mean_ms", processor.listenerMeanMs());
      figures.put("send_offsets_mean_ms", processor.sendOffsetsMeanMs());
      figures.put("transaction_commit_mean_ms", processor.commitMeanMs());
    }
    return figures;
  }
}
