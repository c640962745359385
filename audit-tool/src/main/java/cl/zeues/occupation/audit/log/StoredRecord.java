package cl.zeues.occupation.audit.log;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One committed record of the events topic exactly as the broker stores it: where it sits, its
 * timestamp, and its key, headers (in order, repeats kept) and value as bytes. Null key or value
 * stay null, unlike an empty one.
 */
public record StoredRecord(
    int partition,
    long offset,
    long timestamp,
    byte @Nullable [] key,
    List<Header> headers,
    byte @Nullable [] value) {

  public StoredRecord {
    headers = List.copyOf(headers);
  }

  /** A record header: its name and its value's bytes (null when the producer set none). */
  public record Header(String name, byte @Nullable [] value) {}
}
