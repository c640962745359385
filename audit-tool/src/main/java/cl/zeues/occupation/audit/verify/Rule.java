package cl.zeues.occupation.audit.verify;

import cl.zeues.occupation.events.OccupationEvent;

/** The invariants {@code verify} checks; every finding names exactly one. */
public enum Rule {
  MALFORMED_EVENT("the value is not a well-formed event (does not parse, or lacks a field)"),
  KEY_MISMATCH("the record key is not the event's tag_spool"),
  CE_TYPE_MISMATCH("the ce_type header is missing or names another type than the payload"),
  DUPLICATE_EVENT("an event id appears more than once"),
  SPOOL_IN_TWO_PARTITIONS(
      "one spool's events sit in more than one partition (no order between them)"),
  VERSION_GAP("a spool's versions skip one or more numbers"),
  VERSION_REPEAT("a spool's version appears again"),
  DOUBLE_OCCUPATION("a TOMAR while another occupation of the spool is still open"),
  RELEASE_BY_NON_OCCUPANT(
      "a pause, completion, cancellation, expiry or release of an occupation the spool does not"
          + " have (free spool, another worker, occupation or operation)"),
  COMMAND_DECIDED_TWICE("one command id's events come from more than one decision"),
  INSPECTION_NOT_ALLOWED(
      "a metrology result on a spool that was occupied, lacked ARM or SOLD completed, or was not"
          + " awaiting inspection (already approved, so a second QC date; rejected; blocked)"),
  REPAIR_NOT_ALLOWED(
      "a REPARACION taken on a spool that metrology had not rejected, or that is BLOQUEADO"),
  CYCLE_BROKEN(
      "a repair cycle above "
          + OccupationEvent.MAX_CICLOS
          + " or other than the spool's consecutive rejections give"),
  UNBLOCK_NOT_BLOCKED("a supervisor's unblock of a spool that was not BLOQUEADO"),
  UNFOLDABLE_EVENT("the domain cannot apply the event to the spool's state"),
  CHAIN_BROKEN(
      "an event's hash_anterior is not the SHA-256 of its spool's previous record as published (that"
          + " record was edited, or one was removed or inserted), or is missing once the spool's"
          + " chain has begun");

  private final String description;

  Rule(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
