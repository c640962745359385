package cl.zeues.occupation.audit.sheets;

import cl.zeues.occupation.audit.log.Progress;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.sheets.ColumnLayout;
import cl.zeues.occupation.sheets.FormulaNeutralizer;
import cl.zeues.occupation.sheets.HeaderNames;
import cl.zeues.occupation.sheets.MetadataChain;
import cl.zeues.occupation.sheets.MetadataRow;
import cl.zeues.occupation.sheets.OperacionesCells;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a complete projection of the log into a spreadsheet: the owned {@code Operaciones} cells
 * of every spool (into the spool's row when the sheet has one, else a new row holding the tag and
 * the owned columns) and one {@code Metadata} row per event in time order, rendered by the
 * projector's rendering (sheets-rendering), each chained after the one above it ({@link
 * MetadataChain}; the first after the sheet's last row). Empty or absent sheets get the headers
 * first.
 *
 * <p>Quota: rows go in large batches (one write request each), every write waits for the budget and
 * 429s are retried after {@code Retry-After}, all by the request layer the projector uses.
 * Idempotent: events whose id is already in {@code Metadata} and cells already holding their value
 * are not written again, so an interrupted rebuild is finished by running it again.
 */
public final class Rebuild {

  /** What was written. */
  public record Outcome(
      List<String> sheetsAdded,
      int spoolsUpdated,
      int spoolsAppended,
      int metadataRowsAppended,
      int metadataRowsAlreadyThere,
      long writeRequests,
      long rateLimited) {}

  private final SheetGateway gateway;
  private final int rowsPerRequest;

  public Rebuild(SheetGateway gateway, int rowsPerRequest) {
    this.gateway = gateway;
    this.rowsPerRequest = rowsPerRequest;
  }

  /**
   * Adds the {@code Operaciones} and {@code Metadata} sheets if the spreadsheet lacks them; also
   * proves it is reachable before the log is read. Returns the sheets added.
   */
  public List<String> prepare() {
    SheetsTarget target = gateway.target();
    return gateway.addMissingSheets(List.of(target.operaciones(), target.metadata()));
  }

  public Outcome run(
      Map<String, SpoolState> states,
      List<OccupationEvent> events,
      List<String> added,
      Progress progress) {
    SheetsTarget target = gateway.target();
    List<List<Object>> headers = gateway.headers();
    List<String> opHeader = new ArrayList<>(List.of(OperacionesCells.TAG_SPOOL));
    opHeader.addAll(OperacionesCells.OWNED);
    List<ValueRange> headerWrites = new ArrayList<>();
    if (headers.get(0).isEmpty()) {
      headerWrites.add(headerRow(target.operaciones(), opHeader));
      headers = List.of(new ArrayList<>(opHeader), headers.get(1));
    }
    if (headers.get(1).isEmpty()) {
      headerWrites.add(headerRow(target.metadata(), MetadataRow.COLUMNS));
      headers = List.of(headers.get(0), new ArrayList<>(MetadataRow.COLUMNS));
    }
    ColumnLayout opLayout =
        SheetGateway.layout(target.operaciones(), headers.get(0), OperacionesCells.REQUIRED);
    ColumnLayout mdLayout =
        SheetGateway.layout(target.metadata(), headers.get(1), MetadataRow.COLUMNS);
    if (!headerWrites.isEmpty()) {
      gateway.update(headerWrites, headerWrites.size());
    }

    List<List<List<Object>>> existing =
        gateway.read(
            "read the TAG_SPOOL and ID columns",
            List.of(
                opLayout.columnRange(OperacionesCells.TAG_SPOOL, 2),
                mdLayout.columnRange(MetadataRow.ID, 2),
                mdLayout.columnRange(MetadataRow.HASH, 2)));
    Map<String, Integer> rowOf = new HashMap<>();
    List<List<Object>> tags = existing.get(0);
    for (int i = 0; i < tags.size(); i++) {
      if (!tags.get(i).isEmpty() && tags.get(i).get(0) != null) {
        rowOf.putIfAbsent(tags.get(i).get(0).toString(), i + 2);
      }
    }
    Set<String> ids = new HashSet<>();
    for (List<Object> cells : existing.get(1)) {
      if (!cells.isEmpty() && cells.get(0) != null) {
        ids.add(cells.get(0).toString());
      }
    }

    List<ValueRange> updates = new ArrayList<>();
    List<List<Object>> newRows = new ArrayList<>();
    int updated = 0;
    for (String tag : states.keySet().stream().sorted().toList()) {
      Map<String, Object> cells = OperacionesCells.of(states.get(tag));
      Integer row = rowOf.get(tag);
      if (row != null) {
        updated++;
        cells.forEach(
            (column, value) ->
                updates.add(
                    new ValueRange()
                        .setRange(opLayout.cell(column, row))
                        .setValues(List.of(List.of(value)))));
      } else {
        Map<String, Object> byHeader = new LinkedHashMap<>(cells);
        byHeader.put(OperacionesCells.TAG_SPOOL, FormulaNeutralizer.neutralize(tag));
        newRows.add(opLayout.row(byHeader));
      }
    }
    // The rows already there end at the last row read in either column; new rows chain after it.
    List<List<Object>> hashes = existing.get(2);
    int lastRow = 1 + Math.max(existing.get(1).size(), hashes.size());
    Object lastHash =
        lastRow > 1 && lastRow - 2 < hashes.size() && !hashes.get(lastRow - 2).isEmpty()
            ? hashes.get(lastRow - 2).get(0)
            : null;
    String previous = MetadataChain.after(lastHash);
    List<Map<String, Object>> metadataContent = new ArrayList<>();
    int already = 0;
    Set<String> written = new HashSet<>();
    List<OccupationEvent> ordered = new ArrayList<>(events);
    ordered.sort(
        Comparator.comparing(OccupationEvent::occurredAt)
            .thenComparing(OccupationEvent::tagSpool)
            .thenComparingLong(OccupationEvent::version));
    for (OccupationEvent event : ordered) {
      String id = event.eventId().toString();
      if (ids.contains(id)) {
        already++;
      } else if (written.add(id)) {
        metadataContent.add(MetadataRow.of(event));
      }
    }
    List<List<Object>> metadataRows = new ArrayList<>(metadataContent.size());
    MetadataChain.chain(metadataContent, previous)
        .forEach(row -> metadataRows.add(mdLayout.row(row)));

    int cellsPerRequest = rowsPerRequest * OperacionesCells.OWNED.size();
    long planned =
        chunks(updates.size(), cellsPerRequest)
            + chunks(newRows.size(), rowsPerRequest)
            + chunks(metadataRows.size(), rowsPerRequest);
    long done = 0;
    progress.update(done, planned);
    for (int from = 0; from < updates.size(); from += cellsPerRequest) {
      gateway.update(
          updates.subList(from, Math.min(updates.size(), from + cellsPerRequest)), cellsPerRequest);
      progress.update(++done, planned);
    }
    String opTable = opLayout.tableRange();
    for (int from = 0; from < newRows.size(); from += rowsPerRequest) {
      gateway.append(
          opTable, newRows.subList(from, Math.min(newRows.size(), from + rowsPerRequest)));
      progress.update(++done, planned);
    }
    String mdTable = mdLayout.tableRange();
    for (int from = 0; from < metadataRows.size(); from += rowsPerRequest) {
      gateway.append(
          mdTable,
          metadataRows.subList(from, Math.min(metadataRows.size(), from + rowsPerRequest)));
      progress.update(++done, planned);
    }
    progress.finish(done, planned);
    return new Outcome(
        added,
        updated,
        newRows.size(),
        metadataRows.size(),
        already,
        gateway.writes(),
        gateway.rateLimited());
  }

  private static long chunks(int items, int perChunk) {
    return (items + perChunk - 1) / perChunk;
  }

  private static ValueRange headerRow(String sheet, List<String> header) {
    return new ValueRange()
        .setRange(
            HeaderNames.sheetRef(sheet) + "!A1:" + HeaderNames.letters(header.size() - 1) + "1")
        .setValues(List.of(new ArrayList<Object>(header)));
  }
}
