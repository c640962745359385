package cl.zeues.occupation.sheets;

import cl.zeues.occupation.domain.EstadoDetalle;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.MetrologiaCompletada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionExpirada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionLiberada;
import cl.zeues.occupation.events.OccupationEvent.SpoolCancelado;
import cl.zeues.occupation.events.OccupationEvent.SpoolCompletado;
import cl.zeues.occupation.events.OccupationEvent.SpoolDesbloqueado;
import cl.zeues.occupation.events.OccupationEvent.SpoolPausado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code Metadata} audit row per event (domain-facts 3.5 and 4): the 11 columns by header name.
 * The 12th, {@code Hash}, is not the event's: it chains the row to the one above it when the row is
 * appended ({@link MetadataChain}). {@code Evento_Tipo} is the action and the operation ({@code
 * TOMAR_ARM}, {@code COMPLETAR_SOLD}, {@code TOMAR_REPARACION}, {@code COMPLETAR_METROLOGIA}, ...),
 * except an administrator's release and a supervisor's unblock, {@code LIBERAR_ADMIN} and {@code
 * DESBLOQUEAR_ADMIN}. The device that sent the command, when there was one, is {@code
 * "dispositivo"} in {@code Metadata_JSON}.
 */
public final class MetadataRow {

  public static final String ID = "ID";

  /** The 11 content columns {@link #of} renders (domain facts 3.5); what a row's hash covers. */
  public static final List<String> HEADERS = ShopSheets.METADATA_CONTENT;

  /** The column holding a row's link in the chain ({@link MetadataChain}). */
  public static final String HASH = "Hash";

  /**
   * Every column a {@code Metadata} sheet must have to be written to: {@link #HEADERS} and {@link
   * #HASH}.
   */
  public static final List<String> COLUMNS = ShopSheets.METADATA;

  private static final JsonCodec JSON = new JsonCodec();

  private MetadataRow() {}

  /** Header name to value; {@code Worker_ID} is a number, everything else text. */
  public static Map<String, Object> of(OccupationEvent event) {
    String accion = accion(event);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(ID, event.eventId().toString());
    row.put("Timestamp", SheetFormats.timestamp(event.occurredAt()));
    row.put("Evento_Tipo", eventoTipo(event));
    row.put("TAG_SPOOL", FormulaNeutralizer.neutralize(event.tagSpool()));
    row.put("Worker_ID", event.worker().id());
    row.put("Worker_Nombre", FormulaNeutralizer.neutralize(event.worker().token()));
    row.put("Operacion", event.operacion().name());
    row.put("Accion", accion);
    row.put(
        "Fecha_Operacion",
        switch (event) {
          case SpoolCompletado e -> SheetFormats.date(e.fechaOperacion());
          case MetrologiaCompletada e -> SheetFormats.date(e.fechaOperacion());
          default -> SheetFormats.date(event.occurredAt());
        });
    row.put("Metadata_JSON", JSON.writeString(details(event)));
    row.put("N_UNION", "");
    return row;
  }

  public static String accion(OccupationEvent event) {
    return switch (event) {
      case SpoolTomado e -> "TOMAR";
      case SpoolPausado e -> "PAUSAR";
      case SpoolCompletado e -> "COMPLETAR";
      case SpoolCancelado e -> "CANCELAR";
      case OcupacionExpirada e -> "EXPIRAR";
      case OcupacionLiberada e -> "LIBERAR";
      case MetrologiaCompletada e -> "COMPLETAR";
      case SpoolDesbloqueado e -> "DESBLOQUEAR";
    };
  }

  static String eventoTipo(OccupationEvent event) {
    return switch (event) {
      case OcupacionLiberada e -> "LIBERAR_ADMIN";
      case SpoolDesbloqueado e -> "DESBLOQUEAR_ADMIN";
      default -> accion(event) + "_" + event.operacion().name();
    };
  }

  /** The event's facts that have no column of their own, times in the sheet's format. */
  static Map<String, Object> details(OccupationEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", event.version());
    json.put("command_id", event.commandId().toString());
    json.put("occupation_id", event.occupationId().toString());
    switch (event) {
      case SpoolTomado e -> {
        json.put("ocupado_desde", SheetFormats.timestamp(e.occurredAt()));
        json.put("lease_until", SheetFormats.timestamp(e.leaseUntil()));
        json.put("reanudacion", e.reanudacion());
      }
      case SpoolPausado e -> json.put("ocupado_desde", SheetFormats.timestamp(e.ocupadoDesde()));
      case SpoolCompletado e -> {
        json.put("ocupado_desde", SheetFormats.timestamp(e.ocupadoDesde()));
        json.put("fecha_operacion", SheetFormats.date(e.fechaOperacion()));
      }
      case SpoolCancelado e -> json.put("ocupado_desde", SheetFormats.timestamp(e.ocupadoDesde()));
      case OcupacionExpirada e -> {
        json.put("ocupado_desde", SheetFormats.timestamp(e.ocupadoDesde()));
        json.put("lease_until", SheetFormats.timestamp(e.leaseUntil()));
      }
      case OcupacionLiberada e -> {
        json.put("ocupado_desde", SheetFormats.timestamp(e.ocupadoDesde()));
        json.put("admin", e.admin());
        if (e.motivo() != null) {
          json.put("motivo", e.motivo());
        }
      }
      case MetrologiaCompletada e -> {
        json.put("resultado", e.resultado().name());
        json.put(
            "state", e.bloquea() ? "bloqueado" : e.resultado().name().toLowerCase(Locale.ROOT));
        json.put("cycle", e.ciclo());
        json.put("max_cycles", OccupationEvent.MAX_CICLOS);
      }
      case SpoolDesbloqueado e -> {
        json.put("admin", e.admin());
        if (e.motivo() != null) {
          json.put("motivo", e.motivo());
        }
        json.put("ciclo_anterior", e.cicloAnterior());
      }
    }
    // The shop's 11 columns have no device column; Metadata_JSON is where the row's other facts go.
    // Absent for events without a device, so rows rendered before devices existed stay the same.
    if (event.dispositivo() != null) {
      json.put("dispositivo", event.dispositivo());
    }
    Integer ciclo =
        event instanceof MetrologiaCompletada || event instanceof SpoolDesbloqueado
            ? null
            : EstadoDetalle.cicloAfter(event);
    if (ciclo != null) {
      json.put("cycle", ciclo);
      json.put("max_cycles", OccupationEvent.MAX_CICLOS);
    }
    return json;
  }
}
