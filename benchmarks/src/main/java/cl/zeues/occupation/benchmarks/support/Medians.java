package cl.zeues.occupation.benchmarks.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Medians of repeated runs: the figure to quote, since a single run on a busy machine lies. */
public final class Medians {

  private Medians() {}

  /** The median of {@code values} (the mean of the middle two for an even count); NaN if empty. */
  public static double of(Collection<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.removeIf(v -> v == null || v.isNaN());
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    sorted.sort(Double::compare);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /**
   * Figure by figure, the median over runs of maps that name the same figures (a figure missing
   * from a run is left out of its median).
   */
  public static Map<String, Double> ofFigures(List<Map<String, Double>> runs) {
    Map<String, List<Double>> byName = new LinkedHashMap<>();
    for (Map<String, Double> run : runs) {
      run.forEach((name, value) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    byName.forEach((name, values) -> medians.put(name, of(values)));
    return medians;
  }
}
