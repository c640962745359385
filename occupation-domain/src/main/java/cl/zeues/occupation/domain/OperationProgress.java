package cl.zeues.occupation.domain;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One operation's progress on a spool.
 *
 * @param trabajador the token of who first started the current run of work ({@code Armador} /
 *     {@code Soldador}); resuming keeps it, cancelling clears it
 * @param fecha the completion date ({@code Fecha_Armado} / {@code Fecha_Soldadura})
 */
public record OperationProgress(
    Estado estado, @Nullable String trabajador, @Nullable LocalDate fecha) {

  public static final OperationProgress PENDIENTE =
      new OperationProgress(Estado.PENDIENTE, null, null);

  public OperationProgress {
    Objects.requireNonNull(estado, "estado");
  }

  boolean isCompleted() {
    return estado == Estado.COMPLETADO;
  }

  boolean isInitiated() {
    return trabajador != null;
  }

  OperationProgress taken(String token) {
    return new OperationProgress(Estado.EN_PROGRESO, trabajador != null ? trabajador : token, null);
  }

  OperationProgress paused() {
    return new OperationProgress(Estado.PAUSADO, trabajador, null);
  }

  OperationProgress completed(LocalDate date) {
    return new OperationProgress(Estado.COMPLETADO, trabajador, date);
  }
}
