package cl.zeues.occupation.audit.log;

import org.jspecify.annotations.Nullable;

/**
 * One committed record of the events topic, as read: the raw key and value, and the {@code ce_type}
 * header the producer set (null when absent).
 */
public record LogRecord(
    int partition,
    long offset,
    @Nullable String key,
    byte @Nullable [] value,
    @Nullable String ceType) {

  public RecordRef ref() {
    return new RecordRef(partition, offset);
  }
}
