package cl.zeues.occupation.projector.sheets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spreadsheet shaped like the shop's (domain-facts 3.1, 3.3-3.5): the 75 {@code Operaciones}
 * headers in the staging copy's order, an empty {@code Metadata}, {@code Trabajadores} and {@code
 * Roles}. Tests seed it into the sheets emulator with {@code putSpreadsheet(id, sheets())}.
 */
public final class ShopSpreadsheet {

  public static final List<String> OPERACIONES_HEADERS =
      List.of(
          "id",
          "NV",
          "OT",
          "CT",
          "ITEM",
          "SPLIT",
          "TAG_SPOOL",
          "STATUS_NV",
          "Status_Spool",
          "Ubicación",
          "Cliente",
          "OC",
          "Item_OC",
          "PLANO_KRONOS N°",
          "Rev.",
          "Plano_Referencia",
          "Marca_Placa",
          "Prioridad",
          "Notas",
          "Fecha_Compromiso",
          "Fecha_Estimada_Entrega",
          "DIAM",
          "PD_Soldadura",
          "PD_Ranurado",
          "PD_Hilo",
          "Peso_Kg",
          "Area_m2",
          "Tipo Armado",
          "Tipo_NDT",
          "Tipo_PH",
          "Tipo_Revestimiento",
          "Tipo_Pintura",
          "Tipo_Embalaje",
          "Fecha_Ingenieria",
          "Fecha_Materiales",
          "Fecha_Armado",
          "Armador",
          "Fecha_Soldadura",
          "Soldador",
          "Fecha_QC_Metrología",
          "Fecha_NDT",
          "OK NDT si/no/Rep",
          "N°_nforme_PT",
          "N°_Informe_UT_ RX",
          "Fecha_PH",
          "N°_Informe_PH",
          "Fecha_Revestimiento",
          "Fecha_QC_Revestimiento",
          "Fecha_Envio_Pintura",
          "GD_envio_Pintura",
          "Fecha_Pintura",
          "Taller_Pintura",
          "Informe_Pintura",
          "Fecha_QC_Pintura",
          "Fecha_Liberación",
          "N°_Acta_Libración",
          "Packing_list",
          "Fecha_GD",
          "Guia_Despacho",
          "Precio Fabricación",
          "Precio Revestimiento",
          "Precio Pintura",
          "Precio Embalaje",
          "Precio Total",
          "FLAG",
          "MatSys",
          "Ocupado_Por",
          "Fecha_Ocupacion",
          "version",
          "Estado_Detalle",
          "Total_Uniones",
          "Uniones_ARM_Completadas",
          "Uniones_SOLD_Completadas",
          "Pulgadas_ARM",
          "Pulgadas_SOLD");

  public static final List<String> METADATA_HEADERS =
      List.of(
          "ID",
          "Timestamp",
          "Evento_Tipo",
          "TAG_SPOOL",
          "Worker_ID",
          "Worker_Nombre",
          "Operacion",
          "Accion",
          "Fecha_Operacion",
          "Metadata_JSON",
          "N_UNION");

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
            case "Ocupado_Por",
                "Fecha_Ocupacion",
                "version",
                "Estado_Detalle",
                "Armador",
                "Soldador",
                "Fecha_Armado",
                "Fecha_Soldadura" ->
                "";
            default -> header + "-" + tag;
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
