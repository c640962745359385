package cl.zeues.occupation.audit.sheets;

/**
 * The ways a sheet can differ from the log; {@link #repairable()} ones {@code repair-sheets} fixes.
 */
public enum DriftKind {
  /** An owned {@code Operaciones} cell differs from what the replayed state renders to. */
  CELL_DRIFT(true),
  /** A spool of the log has no {@code Operaciones} row (rows belong to people: not created). */
  ROW_MISSING(false),
  /** An event of the log has no {@code Metadata} row. */
  METADATA_MISSING(true),
  /** An event has more than one {@code Metadata} row (the audit trail is append-only: kept). */
  METADATA_DUPLICATED(false),
  /**
   * An event's {@code Metadata} row differs from its rendering (kept; history is not rewritten).
   */
  METADATA_ALTERED(false),
  /** A {@code Metadata} row (not a {@code REMEDIAR} one) names no event of the log. */
  METADATA_NOT_IN_LOG(false);

  private final boolean repairable;

  DriftKind(boolean repairable) {
    this.repairable = repairable;
  }

  public boolean repairable() {
    return repairable;
  }
}
