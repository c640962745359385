package cl.zeues.occupation.events;

/** A fabrication operation on a spool, in the shop floor's words. */
public enum Operacion {
  ARM,
  SOLD,
  METROLOGIA,
  REPARACION;

  /** Whether a worker occupies the spool while doing it (METROLOGIA is instant). */
  public boolean isOccupying() {
    return this != METROLOGIA;
  }
}
