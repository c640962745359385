package cl.zeues.occupation.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 Kafka binary-mode headers for an event record: the payload stays plain JSON and
 * the envelope travels in {@code ce_*} headers, so consumers can route without parsing the body.
 */
public final class CloudEventHeaders {

  public static final String SPEC_VERSION = "1.0";
  public static final String SOURCE = "urn:zeues:occupation-processor";
  public static final String CONTENT_TYPE = "application/json";
  static final String TYPE_PREFIX = "cl.zeues.occupation.";
  static final String TYPE_VERSION = ".v1";

  private CloudEventHeaders() {}

  /** {@code ce_type} of an event: {@code cl.zeues.occupation.SpoolTomado.v1}. */
  public static String typeOf(OccupationEvent event) {
    return TYPE_PREFIX + event.getClass().getSimpleName() + TYPE_VERSION;
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
