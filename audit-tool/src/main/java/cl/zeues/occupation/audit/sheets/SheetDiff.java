package cl.zeues.occupation.audit.sheets;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.RecordRef;
import cl.zeues.occupation.audit.replay.LogFold;
import cl.zeues.occupation.audit.sheets.SheetSnapshot.Row;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.sheets.MetadataRow;
import cl.zeues.occupation.sheets.OperacionesCells;
import cl.zeues.occupation.sheets.VersionRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares a {@link SheetSnapshot} with the log, streaming: feed the decoded log in order with
 * {@link #accept}, then {@link #finish}. The expectation is the projector's own rendering of the
 * state the projector's fold reaches ({@link LogFold}), so a sheet the projector wrote from this
 * log shows no drift at all.
 *
 * <p>{@code Metadata} rows whose {@code Accion} is {@value #REMEDIAR} record repairs and are not
 * compared. Events the projector has not committed yet ({@code pending}) are lag, not drift: a
 * missing row for one is not reported, and the cells of its spool are not compared.
 */
public final class SheetDiff {

  public static final String REMEDIAR = "REMEDIAR";
  static final String ACCION = "Accion";

  private final SheetSnapshot snapshot;
  private final Predicate<RecordRef> pending;
  private final LogFold fold = LogFold.everything();
  private final Map<String, List<Row>> metadataById = new HashMap<>();
  private final Set<String> seenIds = new HashSet<>();
  private final Set<String> pendingSpools = new HashSet<>();
  private final List<Drift> metadataDrift = new ArrayList<>();
  private final Map<OccupationEvent, RecordRef> missing = new LinkedHashMap<>();
  private long pendingEvents;
  private int remediarRows;

  /**
   * @param pending whether a record is beyond what the projector has committed
   */
  public SheetDiff(SheetSnapshot snapshot, Predicate<RecordRef> pending) {
    this.snapshot = snapshot;
    this.pending = pending;
    for (Row row : snapshot.metadata()) {
      if (REMEDIAR.equals(row.text(ACCION))) {
        remediarRows++;
        continue;
      }
      String id = row.text(MetadataRow.ID);
      if (!id.isEmpty()) {
        metadataById.computeIfAbsent(id, key -> new ArrayList<>(1)).add(row);
      }
    }
  }

  public void accept(Decoded decoded) {
    fold.accept(decoded);
    if (decoded instanceof Decoded.Event e) {
      compareMetadata(e.event(), e.record().ref());
    }
  }

  private void compareMetadata(OccupationEvent event, RecordRef ref) {
    String id = event.eventId().toString();
    if (!seenIds.add(id)) {
      return; // a repeated event has one row, as the projector dedupes by id
    }
    boolean isPending = pending.test(ref);
    if (isPending) {
      pendingEvents++;
      pendingSpools.add(event.tagSpool());
    }
    List<Row> rows = metadataById.get(id);
    if (rows == null) {
      if (!isPending) {
        missing.put(event, ref);
        metadataDrift.add(
            new Drift(
                DriftKind.METADATA_MISSING,
                snapshot.metadataSheet(),
                event.tagSpool(),
                null,
                null,
                id,
                null,
                null,
                MetadataRow.accion(event)
                    + " v"
                    + event.version()
                    + " at "
                    + ref
                    + " has no "
                    + snapshot.metadataSheet()
                    + " row"));
      }
      return;
    }
    if (rows.size() > 1) {
      metadataDrift.add(
          new Drift(
              DriftKind.METADATA_DUPLICATED,
              snapshot.metadataSheet(),
              event.tagSpool(),
              rows.get(1).row(),
              null,
              id,
              null,
              null,
              "event "
                  + id
                  + " has "
                  + rows.size()
                  + " rows: "
                  + rows.stream().map(r -> String.valueOf(r.row())).toList()));
    }
    Row row = rows.get(0);
    Map<String, Object> expected = MetadataRow.of(event);
    List<String> altered = new ArrayList<>();
    expected.forEach(
        (column, value) -> {
          if (!Row.text(value).equals(row.text(column))) {
            altered.add(column);
          }
        });
    if (!altered.isEmpty()) {
      String first = altered.get(0);
      metadataDrift.add(
          new Drift(
              DriftKind.METADATA_ALTERED,
              snapshot.metadataSheet(),
              event.tagSpool(),
              row.row(),
              String.join(",", altered),
              id,
              Row.text(expected.get(first)),
              row.text(first),
              "row " + row.row() + " of event " + id + " differs in " + altered));
    }
  }

  /** The comparison once the whole log was fed. */
  public DriftReport finish() {
    List<Drift> drift = new ArrayList<>();
    Map<String, SpoolState> states = fold.states();
    Set<String> rowFound = new HashSet<>();
    int rowsCompared = 0;
    for (Row row : snapshot.operaciones()) {
      String tag = row.text(OperacionesCells.TAG_SPOOL);
      if (tag.isEmpty() || !rowFound.add(tag)) {
        continue; // the projector writes a duplicated tag's first row only
      }
      if (pendingSpools.contains(tag)) {
        continue;
      }
      SpoolState state = states.get(tag);
      rowsCompared++;
      if (state == null) {
        String occupant = row.text("Ocupado_Por");
        if (!occupant.isEmpty()) {
          drift.add(
              cell(tag, row.row(), "Ocupado_Por", "", occupant, "no event ever occupied " + tag));
        }
        continue;
      }
      OperacionesCells.of(state)
          .forEach(
              (column, value) -> {
                String expected = Row.text(value);
                String actual = row.text(column);
                boolean same =
                    column.equals(OperacionesCells.VERSION)
                        ? VersionRule.rowVersion(row.raw(column)) == state.version()
                            && !actual.isEmpty()
                        : expected.equals(actual);
                if (!same) {
                  drift.add(
                      cell(
                          tag,
                          row.row(),
                          column,
                          expected,
                          actual,
                          "the log (version " + state.version() + ") says '" + expected + "'"));
                }
              });
    }
    for (String tag : states.keySet().stream().sorted().toList()) {
      if (!rowFound.contains(tag)) {
        drift.add(
            new Drift(
                DriftKind.ROW_MISSING,
                snapshot.operacionesSheet(),
                tag,
                null,
                null,
                null,
                null,
                null,
                snapshot.operacionesSheet() + " has no row with TAG_SPOOL " + tag));
      }
    }
    drift.addAll(metadataDrift);
    metadataById.forEach(
        (id, rows) -> {
          if (!seenIds.contains(id)) {
            for (Row row : rows) {
              drift.add(
                  new Drift(
                      DriftKind.METADATA_NOT_IN_LOG,
                      snapshot.metadataSheet(),
                      row.text(OperacionesCells.TAG_SPOOL),
                      row.row(),
                      null,
                      id,
                      null,
                      null,
                      "row " + row.row() + " names event " + id + ", which the log does not hold"));
            }
          }
        });
    return new DriftReport(
        drift,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missing)),
        states,
        fold.events(),
        fold.malformed(),
        fold.unfoldable(),
        rowsCompared,
        snapshot.metadata().size(),
        remediarRows,
        pendingEvents);
  }

  private Drift cell(
      String tag, int row, String column, String expected, String actual, String why) {
    return new Drift(
        DriftKind.CELL_DRIFT,
        snapshot.operacionesSheet(),
        tag,
        row,
        column,
        null,
        expected,
        actual,
        column + " of " + tag + " (row " + row + ") is '" + actual + "'; " + why);
  }
}
