package cl.zeues.occupation.sheets;

import java.util.List;
import java.util.stream.Stream;

/** The shop's sheet layouts, as far as this system reads or writes them. */
public final class ShopSheets {

  /**
   * The 75 {@code Operaciones} headers in the order of the shop's staging copy (domain facts 3.1),
   * typos included. Production differs in order and extras: code finds columns by name, never by
   * this order; this list is for seeding realistic sheets (local stack, tests, benchmarks).
   */
  public static final List<String> OPERACIONES_STAGING =
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

  /**
   * The 11 {@code Metadata} columns the business knows (domain facts 3.5), in the order the
   * projector appends them: an event's audit row, and what its {@code Hash} covers.
   */
  public static final List<String> METADATA_CONTENT =
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

  /**
   * The {@code Metadata} header row as this system lays it out: the 11 content columns, then {@code
   * Hash} (the row's link in the tamper-evident chain, {@link MetadataChain}). Columns are found by
   * name, so {@code Hash} may sit anywhere; a sheet without it is not written to.
   */
  public static final List<String> METADATA =
      Stream.concat(METADATA_CONTENT.stream(), Stream.of("Hash")).toList();

  private ShopSheets() {}
}
