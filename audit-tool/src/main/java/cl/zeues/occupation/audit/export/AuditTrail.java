package cl.zeues.occupation.audit.export;

import cl.zeues.occupation.audit.log.RecordRef;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.sheets.MetadataRow;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The events of {@code [from, to)} (by when they happened), in time order (ties: spool, version),
 * written as CSV with the {@code Metadata} sheet's columns (the projector's rendering) plus where
 * the event is in the log, or as JSON lines exactly as the log holds each event.
 */
public final class AuditTrail {

  /** The CSV's columns after the Metadata ones. */
  public static final List<String> EXTRA_COLUMNS =
      List.of("Occurred_At_UTC", "Partition", "Offset");

  private record Entry(OccupationEvent event, RecordRef ref) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparing((Entry e) -> e.event().occurredAt())
          .thenComparing(e -> e.event().tagSpool())
          .thenComparingLong(e -> e.event().version())
          .thenComparing(Entry::ref);

  private final @Nullable Instant from;
  private final @Nullable Instant to;
  private final List<Entry> entries = new ArrayList<>();

  public AuditTrail(@Nullable Instant from, @Nullable Instant to) {
    this.from = from;
    this.to = to;
  }

  public void accept(OccupationEvent event, RecordRef ref) {
    Instant at = event.occurredAt();
    if ((from == null || !at.isBefore(from)) && (to == null || at.isBefore(to))) {
      entries.add(new Entry(event, ref));
    }
  }

  public int size() {
    return entries.size();
  }

  public void writeCsv(PrintWriter out) {
    entries.sort(ORDER);
    CsvWriter csv = new CsvWriter(out);
    List<String> header = new ArrayList<>(MetadataRow.HEADERS);
    header.addAll(EXTRA_COLUMNS);
    csv.row(header);
    for (Entry entry : entries) {
      Map<String, Object> row = MetadataRow.of(entry.event());
      List<Object> cells = new ArrayList<>(header.size());
      MetadataRow.HEADERS.forEach(column -> cells.add(row.get(column)));
      cells.add(entry.event().occurredAt().toString());
      cells.add(entry.ref().partition());
      cells.add(entry.ref().offset());
      csv.row(cells);
    }
    out.flush();
  }

  public void writeJsonLines(PrintWriter out) {
    entries.sort(ORDER);
    JsonCodec json = new JsonCodec();
    for (Entry entry : entries) {
      out.print(json.writeString(entry.event()));
      out.print('\n');
    }
    out.flush();
  }
}
