package cl.zeues.occupation.audit.sheets;

import org.jspecify.annotations.Nullable;

/**
 * One difference between a sheet and the log.
 *
 * @param row the sheet row (1-based, as people see it), when one is involved
 * @param column the header of the differing cell, for cell drift
 * @param eventId the event concerned, for Metadata drift
 * @param expected what the log says the cell holds (text as shown)
 * @param actual what the sheet holds
 */
public record Drift(
    DriftKind kind,
    String sheet,
    @Nullable String tagSpool,
    @Nullable Integer row,
    @Nullable String column,
    @Nullable String eventId,
    @Nullable String expected,
    @Nullable String actual,
    String detail) {

  public boolean repairable() {
    return kind.repairable();
  }
}
