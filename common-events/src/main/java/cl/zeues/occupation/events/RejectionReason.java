package cl.zeues.occupation.events;

/**
 * Why a command was not accepted: a closed list, each with the stable code clients see.
 *
 * <p>The HTTP status each maps to lives in the API; the names are the codes of the tablets'
 * contract.
 */
public enum RejectionReason {
  /** Someone else occupies the spool. */
  SPOOL_OCCUPIED,
  /** The caller is not the occupant (or the spool is free, so nobody may release it). */
  NO_AUTORIZADO,
  /** The caller's occupation ended by lease expiry or an admin's force-release. */
  LOCK_EXPIRED,
  /** The tag is not in the spool catalog. */
  SPOOL_NO_ENCONTRADO,
  /** The worker is unknown or inactive. */
  WORKER_NO_ENCONTRADO,
  /** A prerequisite is missing: {@code Fecha_Materiales}, ARM not initiated before SOLD, ... */
  DEPENDENCIAS_NO_SATISFECHAS,
  /** The operation was already completed on this spool. */
  OPERACION_YA_COMPLETADA,
  /**
   * The operation named is not the one in progress (the spool is occupied for another), or there is
   * no occupation for an administrator to release.
   */
  OPERACION_NO_INICIADA,
  /**
   * The operation cannot be driven this way: METROLOGIA is an instant inspection, never taken,
   * paused or cancelled.
   */
  OPERACION_NO_SOPORTADA,
  /** The spool reached its third consecutive metrology rejection; a supervisor must unblock it. */
  SPOOL_BLOQUEADO,
  /** An unblock was asked for a spool that is not blocked. */
  SPOOL_NO_BLOQUEADO,
  /** The worker lacks the {@code Roles} entry the operation needs (decided by the API). */
  ROL_NO_AUTORIZADO,
  /**
   * A system command (lease expiry) that no longer applies: the occupation changed or is still
   * valid.
   */
  SIN_EFECTO
}
