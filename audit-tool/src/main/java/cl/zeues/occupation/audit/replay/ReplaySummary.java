package cl.zeues.occupation.audit.replay;

import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.Operacion;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shop at the end of a replay.
 *
 * @param occupiedByOperation occupied spools per operation
 * @param occupiedByWorker occupied spools per worker token, most first (ties by token)
 * @param completed spools whose ARM / SOLD is completed
 */
public record ReplaySummary(
    int spools,
    int occupied,
    Map<Operacion, Integer> occupiedByOperation,
    Map<String, Integer> occupiedByWorker,
    Map<Operacion, Integer> completed) {

  public static ReplaySummary of(Collection<SpoolState> states) {
    Map<Operacion, Integer> byOperation = new EnumMap<>(Operacion.class);
    Map<String, Integer> byWorker = new TreeMap<>();
    Map<Operacion, Integer> completed = new EnumMap<>(Operacion.class);
    int occupied = 0;
    for (SpoolState state : states) {
      Occupation occupation = state.occupation();
      if (occupation != null) {
        occupied++;
        byOperation.merge(occupation.operacion(), 1, Integer::sum);
        byWorker.merge(occupation.worker().token(), 1, Integer::sum);
      }
      if (state.arm().estado() == Estado.COMPLETADO) {
        completed.merge(Operacion.ARM, 1, Integer::sum);
      }
      if (state.sold().estado() == Estado.COMPLETADO) {
        completed.merge(Operacion.SOLD, 1, Integer::sum);
      }
    }
    Map<String, Integer> ranked = new LinkedHashMap<>();
    byWorker.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .forEachOrdered(e -> ranked.put(e.getKey(), e.getValue()));
    return new ReplaySummary(states.size(), occupied, byOperation, ranked, completed);
  }
}
