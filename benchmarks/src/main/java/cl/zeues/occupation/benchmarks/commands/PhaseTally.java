package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.CommandMix.Action;
import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.benchmarks.support.Percentiles;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one phase counted, as answers arrive: outcomes by code, response times (from when the
 * request was due, so a driver that fell behind shows it) and service times (from when it was
 * sent), and answers that contradict the decider's prediction. Thread-safe.
 */
final class PhaseTally {

  private static final int SAMPLES = 5;

  private final Histogram response = Percentiles.micros();
  private final Map<Action, Histogram> responseByAction = new EnumMap<>(Action.class);
  private final Histogram service = Percentiles.micros();
  private final Map<String, Long> outcomes = new TreeMap<>();
  private final List<String> unexpectedSamples = new ArrayList<>();
  private long sent;
  private long completed;
  private long completedInWindow;
  private long unexpected;
  private long unplanned;
  private long lastCompletedAt;

  synchronized void sent() {
    sent++;
  }

  /** Nothing could be planned when a request was due (every spool reserved or finished). */
  synchronized void unplanned() {
    unplanned++;
  }

  /**
   * One answer.
   *
   * @param dueAt when the request was due ({@link System#nanoTime()})
   * @param sentAt when it was sent
   * @param windowEnd answers after this are counted but not in the phase's rate
   * @param checked whether {@code outcome} must match the prediction
   * @return whether the answer contradicts the prediction
   */
  synchronized boolean answered(
      Planned planned,
      String outcome,
      long dueAt,
      long sentAt,
      long at,
      long windowEnd,
      boolean checked) {
    completed++;
    if (at <= windowEnd) {
      completedInWindow++;
    }
    lastCompletedAt = Math.max(lastCompletedAt, at);
    outcomes.merge(outcome, 1L, Long::sum);
    Percentiles.record(response, at - dueAt);
    Percentiles.record(
        responseByAction.computeIfAbsent(planned.action(), a -> Percentiles.micros()), at - dueAt);
    Percentiles.record(service, at - sentAt);
    boolean contradicts =
        checked && !Outcome.inconclusive(outcome) && !outcome.equals(planned.expected());
    if (contradicts) {
      unexpected++;
      if (unexpectedSamples.size() < SAMPLES) {
        unexpectedSamples.add(
            planned.action()
                + " "
                + planned.tag()
                + " by "
                + planned.worker().token()
                + ": expected "
                + planned.expected()
                + ", got "
                + outcome);
      }
    }
    return contradicts;
  }

  synchronized long sentCount() {
    return sent;
  }

  synchronized long completedCount() {
    return completed;
  }

  synchronized long completedInWindow() {
    return completedInWindow;
  }

  synchronized long lastCompletedAt() {
    return lastCompletedAt;
  }

  synchronized long unexpected() {
    return unexpected;
  }

  synchronized long unplannedCount() {
    return unplanned;
  }

  synchronized List<String> unexpectedSamples() {
    return List.copyOf(unexpectedSamples);
  }

  synchronized Map<String, Long> outcomes() {
    return new TreeMap<>(outcomes);
  }

  synchronized Percentiles responseTimes() {
    return Percentiles.of(response);
  }

  /** Response times per tablet action (a TOMAR's are the ones the targets name). */
  synchronized Map<String, Percentiles> responseTimesByAction() {
    Map<String, Percentiles> byAction = new TreeMap<>();
    responseByAction.forEach(
        (action, micros) -> byAction.put(action.name(), Percentiles.of(micros)));
    return byAction;
  }

  synchronized Percentiles serviceTimes() {
    return Percentiles.of(service);
  }
}
