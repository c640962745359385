package cl.zeues.occupation.domain;

/** Where one operation (ARM or SOLD) of a spool stands. */
public enum Estado {
  PENDIENTE,
  EN_PROGRESO,
  PAUSADO,
  COMPLETADO
}
