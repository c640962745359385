package cl.zeues.occupation.audit.log;

import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.EventUpcasters;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.JsonCodec.MalformedRecordException;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.MetrologiaCompletada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionExpirada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionLiberada;
import cl.zeues.occupation.events.OccupationEvent.SpoolCancelado;
import cl.zeues.occupation.events.OccupationEvent.SpoolCompletado;
import cl.zeues.occupation.events.OccupationEvent.SpoolDesbloqueado;
import cl.zeues.occupation.events.OccupationEvent.SpoolPausado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a record's value into an {@link OccupationEvent} with the wire codec (through the upcasters
 * for older schema versions, as every reader of the log must), and checks what the codec lets
 * through: the event records accept JSON {@code null} (or an absent field) for every object
 * component, so a payload can parse and still lack its tag, its worker or its times.
 */
public final class EventDecoder {

  private static final int MAX_REASON = 240;

  private final JsonCodec json = new JsonCodec();

  public Decoded decode(LogRecord record) {
    byte[] value = record.value();
    if (value == null || value.length == 0) {
      return new Decoded.Malformed(record, "empty value");
    }
    OccupationEvent event;
    try {
      event = json.readEvent(value, schemaType(record.ceType()), EventUpcasters.NONE);
    } catch (MalformedRecordException e) {
      return new Decoded.Malformed(record, shorten(String.valueOf(e.getMessage())));
    }
    List<String> missing = missingFields(event);
    if (!missing.isEmpty()) {
      return new Decoded.Malformed(
          record, event.getClass().getSimpleName() + " without " + String.join(", ", missing));
    }
    if (event.tagSpool().isBlank()) {
      return new Decoded.Malformed(record, "blank tag_spool");
    }
    if (event.version() < 1) {
      return new Decoded.Malformed(record, "version " + event.version() + " is below 1");
    }
    return new Decoded.Event(record, event);
  }

  /**
   * The {@code ce_type} to read the payload by: the header when it names a schema version, else
   * none (today's version), leaving a garbled header to {@code verify}'s CE_TYPE_MISMATCH instead
   * of hiding a readable event.
   */
  private static @Nullable String schemaType(@Nullable String ceType) {
    if (ceType == null) {
      return null;
    }
    try {
      CloudEventHeaders.versionOf(ceType);
      return ceType;
    } catch (MalformedRecordException e) {
      return null;
    }
  }

  /** The snake_case names of required fields that are null. */
  @SuppressWarnings("ConstantValue") // the codec fills record components with nulls
  static List<String> missingFields(OccupationEvent event) {
    List<String> missing = new ArrayList<>();
    require(missing, "event_id", event.eventId());
    require(missing, "command_id", event.commandId());
    require(missing, "tag_spool", event.tagSpool());
    require(missing, "worker", event.worker());
    require(missing, "operacion", event.operacion());
    require(missing, "occupation_id", event.occupationId());
    require(missing, "occurred_at", event.occurredAt());
    switch (event) {
      case SpoolTomado e -> require(missing, "lease_until", e.leaseUntil());
      case SpoolPausado e -> require(missing, "ocupado_desde", e.ocupadoDesde());
      case SpoolCompletado e -> {
        require(missing, "ocupado_desde", e.ocupadoDesde());
        require(missing, "fecha_operacion", e.fechaOperacion());
      }
      case SpoolCancelado e -> require(missing, "ocupado_desde", e.ocupadoDesde());
      case OcupacionExpirada e -> {
        require(missing, "ocupado_desde", e.ocupadoDesde());
        require(missing, "lease_until", e.leaseUntil());
      }
      case OcupacionLiberada e -> {
        require(missing, "ocupado_desde", e.ocupadoDesde());
        require(missing, "admin", e.admin());
      }
      case MetrologiaCompletada e -> {
        require(missing, "resultado", e.resultado());
        require(missing, "fecha_operacion", e.fechaOperacion());
      }
      case SpoolDesbloqueado e -> require(missing, "admin", e.admin());
    }
    return missing;
  }

  private static void require(List<String> missing, String name, @Nullable Object value) {
    if (value == null) {
      missing.add(name);
    }
  }

  private static String shorten(String reason) {
    String oneLine = reason.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "...";
  }
}
