package cl.zeues.occupation.audit.sheets;

import cl.zeues.occupation.audit.log.RecordRef;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.sheets.ColumnLayout;
import cl.zeues.occupation.sheets.FormulaNeutralizer;
import cl.zeues.occupation.sheets.MetadataChain;
import cl.zeues.occupation.sheets.MetadataRow;
import cl.zeues.occupation.sheets.OperacionesCells;
import cl.zeues.occupation.sheets.SheetFormats;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What {@code repair-sheets} writes for a {@link DriftReport}: every drifted owned cell rewritten
 * with the value the projector would write, every missing {@code Metadata} row appended as the
 * projector renders it, and for each repair a {@code Metadata} row with {@code Accion} {@value
 * SheetDiff#REMEDIAR} saying what was changed (before and after) or restored, and by whom. Drift
 * that is not {@link DriftKind#repairable() repairable} is left for people.
 *
 * <p>The {@code Metadata} rows are appended, never written over existing ones, and chained after
 * the sheet's last row as it is right before the append ({@link #metadataRows(String)}), like the
 * projector's.
 *
 * @param cells one range per cell, {@code RAW}
 * @param metadataContent restored rows and REMEDIAR rows, their content cells by header name
 * @param metadataLayout where the {@code Metadata} columns are
 * @param repairedRows {@code Operaciones} rows touched
 * @param restoredEvents {@code Metadata} rows restored
 */
public record RepairPlan(
    List<ValueRange> cells,
    List<Map<String, Object>> metadataContent,
    ColumnLayout metadataLayout,
    int repairedRows,
    int restoredEvents,
    int remediarRows) {

  public static final String CELLS = "REMEDIAR_CELDAS";
  public static final String METADATA = "REMEDIAR_METADATA";

  private static final JsonCodec JSON = new JsonCodec();

  public boolean isEmpty() {
    return cells.isEmpty() && metadataContent.isEmpty();
  }

  /** The rows to append, laid out by the sheet's columns, before chaining ({@code Hash} empty). */
  public List<List<Object>> metadataRows() {
    return metadataContent.stream().map(metadataLayout::row).toList();
  }

  /**
   * The rows to append, laid out, each with its {@code Hash}, the first chained after {@code
   * previous}.
   */
  public List<List<Object>> metadataRows(String previous) {
    return MetadataChain.chain(metadataContent, previous).stream()
        .map(metadataLayout::row)
        .toList();
  }

  public static RepairPlan of(
      DriftReport report,
      SheetSnapshot snapshot,
      Instant now,
      String operator,
      Supplier<UUID> ids) {
    ColumnLayout opLayout = snapshot.operacionesLayout();
    ColumnLayout mdLayout = snapshot.metadataLayout();
    List<ValueRange> cells = new ArrayList<>();
    Map<Integer, List<Drift>> byRow = new LinkedHashMap<>();
    for (Drift drift : report.drift()) {
      if (drift.kind() == DriftKind.CELL_DRIFT && drift.row() != null && drift.column() != null) {
        byRow.computeIfAbsent(drift.row(), row -> new ArrayList<>()).add(drift);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    int remediar = 0;
    for (Map.Entry<Integer, List<Drift>> entry : byRow.entrySet()) {
      int row = entry.getKey();
      String tag = String.valueOf(entry.getValue().get(0).tagSpool());
      SpoolState state = report.states().get(tag);
      Map<String, Object> values = state == null ? Map.of() : OperacionesCells.of(state);
      List<Map<String, Object>> changes = new ArrayList<>();
      for (Drift drift : entry.getValue()) {
        String column = drift.column();
        Object value = values.getOrDefault(column, "");
        cells.add(
            new ValueRange()
                .setRange(opLayout.cell(column, row))
                .setValues(List.of(List.of(value))));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("column", column);
        change.put("before", drift.actual());
        change.put("after", String.valueOf(value));
        changes.add(change);
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("repair", "cells");
      json.put("sheet", snapshot.operacionesSheet());
      json.put("row", row);
      if (state != null) {
        json.put("version", state.version());
      }
      json.put("cells", changes);
      rows.add(remediar(ids.get(), now, CELLS, tag, operator, json));
      remediar++;
    }
    int restored = 0;
    for (Map.Entry<OccupationEvent, RecordRef> missing : report.missingEvents().entrySet()) {
      OccupationEvent event = missing.getKey();
      rows.add(MetadataRow.of(event));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("repair", "metadata_row");
      json.put("event_id", event.eventId().toString());
      json.put("version", event.version());
      json.put("partition", missing.getValue().partition());
      json.put("offset", missing.getValue().offset());
      rows.add(remediar(ids.get(), now, METADATA, event.tagSpool(), operator, json));
      restored++;
      remediar++;
    }
    return new RepairPlan(cells, rows, mdLayout, byRow.size(), restored, remediar);
  }

  private static Map<String, Object> remediar(
      UUID id, Instant now, String tipo, String tag, String operator, Map<String, Object> json) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(MetadataRow.ID, id.toString());
    row.put("Timestamp", SheetFormats.timestamp(now));
    row.put("Evento_Tipo", tipo);
    row.put("TAG_SPOOL", FormulaNeutralizer.neutralize(tag));
    row.put("Worker_ID", "");
    row.put("Worker_Nombre", FormulaNeutralizer.neutralize(operator));
    row.put("Operacion", "");
    row.put("Accion", SheetDiff.REMEDIAR);
    row.put("Fecha_Operacion", SheetFormats.date(now));
    row.put("Metadata_JSON", JSON.writeString(json));
    row.put("N_UNION", "");
    return row;
  }
}
