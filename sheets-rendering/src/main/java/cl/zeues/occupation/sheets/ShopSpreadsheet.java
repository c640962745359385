package cl.zeues.occupation.sheets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A spreadsheet shaped like the shop's (domain-facts 3.1, 3.3-3.5): the 75 {@code Operaciones}
 * headers in the staging copy's order, an empty {@code Metadata}, {@code Trabajadores} and {@code
 * Roles}. Tests seed it into the sheets emulator with {@code putSpreadsheet(id, sheets())}.
 */
public final class ShopSpreadsheet {

  public static final List<String> OPERACIONES_HEADERS = ShopSheets.OPERACIONES_STAGING;

  public static final List<String> METADATA_HEADERS = ShopSheets.METADATA;

  /** The occupation columns the projection owns, normalized: seeded empty. */
  private static final Set<String> OWNED =
      OperacionesCells.OWNED.stream().map(HeaderNames::normalize).collect(Collectors.toSet());

  private final List<List<Object>> operaciones = new ArrayList<>();
  private final List<List<Object>> trabajadores = new ArrayList<>();
  private final List<List<Object>> roles = new ArrayList<>();

  public ShopSpreadsheet() {
    operaciones.add(new ArrayList<>(OPERACIONES_HEADERS));
    trabajadores.add(List.of("Id", "Nombre", "Apellido", "Activo"));
    roles.add(List.of("Id", "Rol", "Activo"));
  }

  /**
   * Adds a spool row: every master column filled with recognisable text ({@code <header>-<tag>}),
   * the given {@code Fecha_Materiales}, and the occupation columns empty.
   */
  public ShopSpreadsheet spool(String tag, Object fechaMateriales) {
    List<Object> row = new ArrayList<>();
    for (String header : OPERACIONES_HEADERS) {
      row.add(
          switch (header) {
            case "TAG_SPOOL" -> tag;
            case "Fecha_Materiales" -> fechaMateriales;
            default -> OWNED.contains(HeaderNames.normalize(header)) ? "" : header + "-" + tag;
          });
    }
    operaciones.add(row);
    return this;
  }

  public ShopSpreadsheet worker(
      int id, String nombre, String apellido, boolean activo, String... rolesOfWorker) {
    trabajadores.add(List.of(id, nombre, apellido, activo ? "TRUE" : "FALSE"));
    Arrays.stream(rolesOfWorker).forEach(rol -> roles.add(List.of(id, rol, "TRUE")));
    return this;
  }

  /** The sheets as the emulator's {@code putSpreadsheet} takes them. */
  public Map<String, List<List<Object>>> sheets() {
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put("Operaciones", operaciones);
    sheets.put("Metadata", List.of(new ArrayList<>(METADATA_HEADERS)));
    sheets.put("Trabajadores", trabajadores);
    sheets.put("Roles", roles);
    return sheets;
  }
}
