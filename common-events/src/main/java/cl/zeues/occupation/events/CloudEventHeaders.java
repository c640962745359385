package cl.zeues.occupation.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CloudEvents 1.0 Kafka binary-mode headers for an event record: the payload stays plain JSON and
 * the envelope travels in {@code ce_*} headers, so consumers can route without parsing the body.
 */
public final class CloudEventHeaders {

  public static final String SPEC_VERSION = "1.0";
  public static final String SOURCE = "urn:zeues:occupation-processor";
  public static final String CONTENT_TYPE = "application/json";
  static final String TYPE_PREFIX = "cl.zeues.occupation.";

  /**
   * The event schema version carried in {@code ce_type}. Additive changes (a new optional field, a
   * new event type) keep it; only a change old readers cannot absorb raises it, together with an
   * {@link EventUpcasters} step from the previous version.
   */
  public static final int CURRENT_VERSION = 1;

  static final String TYPE_VERSION = ".v" + CURRENT_VERSION;

  private CloudEventHeaders() {}

  /** {@code ce_type} of an event: {@code cl.zeues.occupation.SpoolTomado.v1}. */
  public static String typeOf(OccupationEvent event) {
    return TYPE_PREFIX + event.getClass().getSimpleName() + TYPE_VERSION;
  }

  /**
   * The schema version a {@code ce_type} names ({@code cl.zeues.occupation.SpoolTomado.v1} -> 1); a
   * record without the header is taken as today's version.
   *
   * @throws JsonCodec.MalformedRecordException when the header does not end in {@code .v<n>}
   */
  public static int versionOf(@Nullable String ceType) {
    if (ceType == null) {
      return CURRENT_VERSION;
    }
    int dot = ceType.lastIndexOf(".v");
    try {
      if (dot < 0) {
        throw new NumberFormatException("no .v<n> suffix");
      }
      return Integer.parseInt(ceType.substring(dot + 2));
    } catch (NumberFormatException e) {
      throw new JsonCodec.MalformedRecordException(
          "ce_type '" + ceType + "' does not end in a schema version like .v1");
    }
  }

  /** The headers, in a stable order, as UTF-8 bytes. */
  public static Map<String, byte[]> of(OccupationEvent event) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    headers.put("ce_specversion", utf8(SPEC_VERSION));
    headers.put("ce_id", utf8(event.eventId().toString()));
    headers.put("ce_type", utf8(typeOf(event)));
    headers.put("ce_source", utf8(SOURCE));
    headers.put("ce_subject", utf8(event.tagSpool()));
    headers.put("ce_time", utf8(event.occurredAt().toString()));
    headers.put("content-type", utf8(CONTENT_TYPE));
    return headers;
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
