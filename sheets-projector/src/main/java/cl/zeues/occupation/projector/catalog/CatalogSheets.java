package cl.zeues.occupation.projector.catalog;

import java.util.List;

/** The sheets the catalog is kept in, read together. */
public interface CatalogSheets {

  /**
   * Every row of {@code Operaciones}, {@code Trabajadores} and {@code Roles}, header first, cells
   * unformatted (numbers as numbers, dates as serial numbers), in one request.
   *
   * @throws CatalogImportException when the spreadsheet cannot be read
   */
  Rows read();

  /** The three sheets' rows; an empty sheet has no rows at all. */
  record Rows(
      List<List<Object>> operaciones, List<List<Object>> trabajadores, List<List<Object>> roles) {

    public Rows {
      operaciones = List.copyOf(operaciones);
      trabajadores = List.copyOf(trabajadores);
      roles = List.copyOf(roles);
    }
  }
}
