package cl.zeues.occupation.audit.sheets;

import cl.zeues.occupation.sheets.ColumnLayout;
import cl.zeues.occupation.sheets.MetadataChain;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the sheets held when read: the owned cells of every {@code Operaciones} row and every {@code
 * Metadata} row, by header name, with the columns where they were found.
 *
 * @param operacionesLayout where each required {@code Operaciones} header is
 * @param metadataLayout where each {@code Metadata} header is
 */
public record SheetSnapshot(
    ColumnLayout operacionesLayout,
    List<Row> operaciones,
    ColumnLayout metadataLayout,
    List<Row> metadata) {

  public SheetSnapshot {
    operaciones = List.copyOf(operaciones);
    metadata = List.copyOf(metadata);
  }

  public String operacionesSheet() {
    return operacionesLayout.sheet();
  }

  public String metadataSheet() {
    return metadataLayout.sheet();
  }

  /** The {@code Metadata} rows as the hash chain reads them. */
  public List<MetadataChain.SheetRow> metadataChainRows() {
    return metadata.stream()
        .map(row -> new MetadataChain.SheetRow(row.row(), row.cells()))
        .toList();
  }

  /**
   * A sheet row's non-empty cells by header name, as read unformatted (an empty cell is absent).
   *
   * @param row 1-based sheet row
   */
  public record Row(int row, Map<String, Object> cells) {

    /** The cell as the sheet shows it: numbers without trailing zeros, empty as "". */
    public String text(String column) {
      return text(cells.get(column));
    }

    public @Nullable Object raw(String column) {
      return cells.get(column);
    }

    static String text(@Nullable Object value) {
      return MetadataChain.text(value);
    }
  }
}
