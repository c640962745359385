package cl.zeues.occupation.sheets;

import cl.zeues.occupation.domain.EstadoDetalle;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.SpoolState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Operaciones} cells the projection owns, and their values for a spool state. Every
 * other column of the row belongs to people and other tools and is never written.
 */
public final class OperacionesCells {

  public static final String TAG_SPOOL = "TAG_SPOOL";
  public static final String VERSION = "version";

  /** Matched normalized, so the sheet's {@code Fecha_QC_Metrología} (with the accent) is found. */
  static final String FECHA_QC = "Fecha_QC_Metrologia";

  /** The owned columns, in the order their cells are sent. */
  public static final List<String> OWNED =
      List.of(
          "Ocupado_Por",
          "Fecha_Ocupacion",
          "Armador",
          "Soldador",
          "Fecha_Armado",
          "Fecha_Soldadura",
          FECHA_QC,
          "Estado_Detalle",
          VERSION);

  /** The columns the projection cannot work without: where to write, and how to find the row. */
  public static final List<String> REQUIRED =
      java.util.stream.Stream.concat(java.util.stream.Stream.of(TAG_SPOOL), OWNED.stream())
          .toList();

  private OperacionesCells() {}

  /**
   * Header name to value: text cells as strings ({@code ""} clears), {@code version} as a number.
   */
  public static Map<String, Object> of(SpoolState state) {
    Occupation occupation = state.occupation();
    Map<String, Object> cells = new LinkedHashMap<>();
    cells.put(
        "Ocupado_Por",
        occupation == null ? "" : FormulaNeutralizer.neutralize(occupation.worker().token()));
    cells.put(
        "Fecha_Ocupacion", occupation == null ? "" : SheetFormats.timestamp(occupation.since()));
    cells.put("Armador", FormulaNeutralizer.neutralize(state.arm().trabajador()));
    cells.put("Soldador", FormulaNeutralizer.neutralize(state.sold().trabajador()));
    cells.put("Fecha_Armado", SheetFormats.date(state.arm().fecha()));
    cells.put("Fecha_Soldadura", SheetFormats.date(state.sold().fecha()));
    cells.put(FECHA_QC, SheetFormats.date(state.calidad().fechaQc()));
    cells.put("Estado_Detalle", FormulaNeutralizer.neutralize(EstadoDetalle.of(state)));
    cells.put(VERSION, state.version());
    return cells;
  }
}
