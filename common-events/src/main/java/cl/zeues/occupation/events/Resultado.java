package cl.zeues.occupation.events;

/** The outcome of a metrology inspection ({@code ResultadoEnum} of the earlier system). */
public enum Resultado {
  APROBADO,
  RECHAZADO
}
