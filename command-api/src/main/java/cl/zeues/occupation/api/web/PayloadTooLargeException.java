package cl.zeues.occupation.api.web;

/** The request body is larger than {@code zeues.api.max-body-size}; answered 413. */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(long maxBytes) {
    super("El cuerpo de la solicitud supera el máximo de " + maxBytes + " bytes");
  }
}
