package cl.zeues.occupation.audit.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.EventDecoder;
import cl.zeues.occupation.audit.log.LogRecord;
import cl.zeues.occupation.audit.log.RecordRef;
import cl.zeues.occupation.audit.sheets.SheetSnapshot.Row;
import cl.zeues.occupation.audit.testing.ShopHistory;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.sheets.ColumnLayout;
import cl.zeues.occupation.sheets.MetadataRow;
import cl.zeues.occupation.sheets.OperacionesCells;
import cl.zeues.occupation.sheets.ShopSheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SheetDiffTest {

  private static final Instant START = Instant.parse("2026-03-02T11:00:00Z");

  private final ShopHistory shop = new ShopHistory(11, START);
  private final List<Row> operaciones = new ArrayList<>();
  private final List<Row> metadata = new ArrayList<>();

  SheetDiffTest() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.after(Duration.ofHours(1)).pausar("MK-1", ShopHistory.JUAN);
    shop.tomar("MK-2", ShopHistory.MARIA, Operacion.ARM);
    shop.after(Duration.ofHours(1)).completar("MK-2", ShopHistory.MARIA);
    shop.tomar("MK-2", ShopHistory.PEDRO, Operacion.SOLD);
    // The sheet as the projector leaves it: rows in sheet order, one Metadata row per event.
    projectedRow("MK-1", 2);
    projectedRow("MK-2", 3);
    operaciones.add(new Row(4, Map.of(OperacionesCells.TAG_SPOOL, "MK-3")));
    for (OccupationEvent event : shop.events()) {
      metadata.add(new Row(metadata.size() + 2, sheetCells(MetadataRow.of(event))));
    }
  }

  @Test
  void aSheetTheProjectorWroteFromThisLogHasNoDrift() {
    DriftReport report = diff(ref -> false);

    assertThat(report.drift()).isEmpty();
    assertThat(report.rowsCompared()).isEqualTo(3);
    assertThat(report.events()).isEqualTo(5);
  }

  @Test
  void aHandEditedOccupationCellIsCellDrift() {
    edit(operaciones, 1, "Ocupado_Por", "XX(1)");
    edit(operaciones, 1, "version", new BigDecimal("9"));

    DriftReport report = diff(ref -> false);

    assertThat(report.drift()).extracting(Drift::kind).containsOnly(DriftKind.CELL_DRIFT);
    assertThat(report.drift()).extracting(Drift::column).containsExactly("Ocupado_Por", "version");
    Drift occupant = report.drift().get(0);
    assertThat(occupant.tagSpool()).isEqualTo("MK-2");
    assertThat(occupant.row()).isEqualTo(3);
    assertThat(occupant.expected()).isEqualTo("PR(33)");
    assertThat(occupant.actual()).isEqualTo("XX(1)");
  }

  @Test
  void anOccupantOnASpoolNoEventTouchedIsDrift() {
    edit(operaciones, 2, "Ocupado_Por", "JP(94)");

    Drift drift = diff(ref -> false).drift().get(0);

    assertThat(drift.kind()).isEqualTo(DriftKind.CELL_DRIFT);
    assertThat(drift.tagSpool()).isEqualTo("MK-3");
    assertThat(drift.expected()).isEmpty();
  }

  @Test
  void metadataRowsMissingDuplicatedAlteredOrUnknownAreFound() {
    Row removed = metadata.remove(1);
    metadata.add(new Row(20, metadata.get(0).cells()));
    edit(metadata, 2, "Worker_Nombre", "ZZ(99)");
    Map<String, Object> stranger = new HashMap<>(metadata.get(3).cells());
    stranger.put(MetadataRow.ID, UUID.randomUUID().toString());
    metadata.add(new Row(21, stranger));

    DriftReport report = diff(ref -> false);

    assertThat(report.drift())
        .extracting(Drift::kind)
        .containsExactlyInAnyOrder(
            DriftKind.METADATA_MISSING,
            DriftKind.METADATA_DUPLICATED,
            DriftKind.METADATA_ALTERED,
            DriftKind.METADATA_NOT_IN_LOG);
    assertThat(report.missingEvents().keySet())
        .extracting(e -> e.eventId().toString())
        .containsExactly(removed.text(MetadataRow.ID));
    Drift altered =
        report.drift().stream()
            .filter(d -> d.kind() == DriftKind.METADATA_ALTERED)
            .findFirst()
            .get();
    assertThat(altered.column()).isEqualTo("Worker_Nombre");
    assertThat(altered.actual()).isEqualTo("ZZ(99)");
  }

  @Test
  void remediarRowsAreNotDrift() {
    Map<String, Object> remediar = new HashMap<>();
    remediar.put(MetadataRow.ID, UUID.randomUUID().toString());
    remediar.put("Accion", SheetDiff.REMEDIAR);
    metadata.add(new Row(30, remediar));

    DriftReport report = diff(ref -> false);

    assertThat(report.drift()).isEmpty();
    assertThat(report.remediarRows()).isEqualTo(1);
  }

  @Test
  void eventsTheProjectorHasNotCommittedAreLagNotDrift() {
    metadata.remove(metadata.size() - 1);
    edit(operaciones, 1, "Ocupado_Por", "");

    DriftReport report = diff(ref -> ref.offset() >= 4);

    assertThat(report.drift()).isEmpty();
    assertThat(report.pendingEvents()).isEqualTo(1);
  }

  @Test
  void theRepairRewritesCellsRestoresRowsAndRecordsEachRepair() {
    edit(operaciones, 1, "Ocupado_Por", "XX(1)");
    metadata.remove(0);
    DriftReport report = diff(ref -> false);
    SheetSnapshot snapshot = snapshot();

    RepairPlan plan = RepairPlan.of(report, snapshot, START, "auditor", () -> new UUID(0, 1));

    assertThat(plan.cells()).hasSize(1);
    assertThat(plan.cells().get(0).getRange()).isEqualTo("'Operaciones'!BO3");
    assertThat(plan.cells().get(0).getValues()).containsExactly(List.of("PR(33)"));
    assertThat(plan.restoredEvents()).isEqualTo(1);
    assertThat(plan.remediarRows()).isEqualTo(2);
    assertThat(plan.metadataRows()).hasSize(3);
    List<Object> cellsRepair = plan.metadataRows().get(0);
    assertThat(cellsRepair.get(7)).isEqualTo(SheetDiff.REMEDIAR);
    assertThat(cellsRepair.get(5)).isEqualTo("auditor");
    assertThat((String) cellsRepair.get(9))
        .contains("\"before\":\"XX(1)\"")
        .contains("\"after\":\"PR(33)\"");
    assertThat(plan.metadataRows().get(1).get(0))
        .isEqualTo(shop.events().get(0).eventId().toString());
    assertThat(plan.metadataRows().get(2).get(7)).isEqualTo(SheetDiff.REMEDIAR);
  }

  @Test
  void rowsTheProjectorMovedOnAreLeftOutOfTheRepair() {
    edit(operaciones, 0, "Ocupado_Por", "XX(1)");
    edit(operaciones, 1, "Ocupado_Por", "XX(2)");
    DriftReport report = diff(ref -> false).withoutCellsOf(java.util.Set.of(3));

    RepairPlan plan = RepairPlan.of(report, snapshot(), START, "auditor", UUID::randomUUID);

    assertThat(plan.cells()).extracting(ValueRange::getRange).containsExactly("'Operaciones'!BO2");
    assertThat(plan.remediarRows()).isEqualTo(1);
  }

  private DriftReport diff(Predicate<RecordRef> pending) {
    SheetDiff diff = new SheetDiff(snapshot(), pending);
    EventDecoder decoder = new EventDecoder();
    for (LogRecord record : ShopHistory.records(shop.events(), 1)) {
      Decoded decoded = decoder.decode(record);
      diff.accept(decoded);
    }
    return diff.finish();
  }

  private SheetSnapshot snapshot() {
    return new SheetSnapshot(
        ColumnLayout.of("Operaciones", ShopSheets.OPERACIONES_STAGING, OperacionesCells.REQUIRED),
        operaciones,
        ColumnLayout.of("Metadata", MetadataRow.HEADERS, MetadataRow.HEADERS),
        metadata);
  }

  private void projectedRow(String tag, int row) {
    SpoolState state = shop.state(tag);
    Map<String, Object> cells = sheetCells(OperacionesCells.of(state));
    cells.put(OperacionesCells.TAG_SPOOL, tag);
    // Read back unformatted, a number comes as a BigDecimal.
    cells.put(OperacionesCells.VERSION, BigDecimal.valueOf(state.version()));
    operaciones.add(new Row(row, cells));
  }

  /** Cells as read back: empty strings are absent, numbers are BigDecimal. */
  private static Map<String, Object> sheetCells(Map<String, Object> written) {
    Map<String, Object> cells = new HashMap<>();
    written.forEach(
        (column, value) -> {
          if (value instanceof Number number) {
            cells.put(column, new BigDecimal(number.toString()));
          } else if (!value.toString().isEmpty()) {
            cells.put(column, value);
          }
        });
    return cells;
  }

  private static void edit(List<Row> rows, int index, String column, Object value) {
    Map<String, Object> cells = new HashMap<>(rows.get(index).cells());
    if (value.toString().isEmpty()) {
      cells.remove(column);
    } else {
      cells.put(column, value);
    }
    rows.set(index, new Row(rows.get(index).row(), cells));
  }
}
