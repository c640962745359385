package cl.zeues.occupation.audit.sheets;

import cl.zeues.occupation.audit.log.RecordRef;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The differences found, and what a repair needs: the replayed states and the events without a
 * {@code Metadata} row.
 *
 * @param rowsCompared {@code Operaciones} rows compared cell by cell
 * @param metadataRows {@code Metadata} rows read, {@code REMEDIAR} ones included
 * @param pendingEvents events the projector had not committed yet (lag, not drift)
 */
public record DriftReport(
    List<Drift> drift,
    Map<OccupationEvent, RecordRef> missingEvents,
    Map<String, SpoolState> states,
    long events,
    long malformed,
    long unfoldable,
    int rowsCompared,
    int metadataRows,
    int remediarRows,
    long pendingEvents) {

  public DriftReport {
    drift = List.copyOf(drift);
  }

  public boolean clean() {
    return drift.isEmpty();
  }

  public Map<DriftKind, Long> counts() {
    Map<DriftKind, Long> counts = new EnumMap<>(DriftKind.class);
    drift.forEach(d -> counts.merge(d.kind(), 1L, Long::sum));
    return counts;
  }

  /** This report without the cell drift of {@code rows} (rows the projector has moved on since). */
  public DriftReport withoutCellsOf(java.util.Set<Integer> rows) {
    return new DriftReport(
        drift.stream()
            .filter(
                d ->
                    !(d.kind() == DriftKind.CELL_DRIFT
                        && d.row() != null
                        && rows.contains(d.row())))
            .toList(),
        missingEvents,
        states,
        events,
        malformed,
        unfoldable,
        rowsCompared,
        metadataRows,
        remediarRows,
        pendingEvents);
  }

  public List<Drift> repairable() {
    return drift.stream().filter(Drift::repairable).toList();
  }

  public List<Drift> unrepairable() {
    return drift.stream().filter(d -> !d.repairable()).toList();
  }
}
