package cl.zeues.occupation.domain;

/**
 * Where a spool stands in quality control: metrology and the repair loop (domain-facts 2.5/2.6).
 */
public enum EstadoCalidad {
  /** Never inspected. */
  PENDIENTE,
  /** Passed metrology; the QC date is set. */
  APROBADO,
  /** Failed metrology: a repair is due (taken, paused or not started). */
  RECHAZADO,
  /** Failed metrology three times in a row: only a supervisor's unblock lets it go on. */
  BLOQUEADO,
  /** Back in the metrology queue after a completed repair or a supervisor's unblock. */
  PENDIENTE_METROLOGIA;

  /** Whether metrology may inspect the spool now. */
  public boolean awaitsInspection() {
    return this == PENDIENTE || this == PENDIENTE_METROLOGIA;
  }
}
