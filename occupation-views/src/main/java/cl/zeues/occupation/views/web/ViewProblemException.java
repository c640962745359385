package cl.zeues.occupation.views.web;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A read refused with a stable {@code code}, answered as an RFC 9457 problem detail.
 *
 * @param retryAfter sent as {@code Retry-After} when non-null
 */
public final class ViewProblemException extends RuntimeException {

  /** One offending input, as the command API reports field errors. */
  public record FieldProblem(String field, String message) {}

  private final HttpStatus status;
  private final String code;
  private final @Nullable Duration retryAfter;
  private final List<FieldProblem> errors;

  public ViewProblemException(
      HttpStatus status, String code, String detail, @Nullable Duration retryAfter) {
    this(status, code, detail, retryAfter, List.of());
  }

  private ViewProblemException(
      HttpStatus status,
      String code,
      String detail,
      @Nullable Duration retryAfter,
      List<FieldProblem> errors) {
    super(detail);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
    this.errors = List.copyOf(errors);
  }

  /** 400 {@code SOLICITUD_INVALIDA} listing every field error, like the command routes. */
  public static ViewProblemException invalid(List<FieldProblem> errors) {
    StringBuilder detail = new StringBuilder("Solicitud inválida: ");
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) {
        detail.append("; ");
      }
      detail.append(errors.get(i).field()).append(": ").append(errors.get(i).message());
    }
    return new ViewProblemException(
        HttpStatus.BAD_REQUEST, "SOLICITUD_INVALIDA", detail.toString(), null, errors);
  }

  public static ViewProblemException spoolNotFound(String tagSpool) {
    return new ViewProblemException(
        HttpStatus.NOT_FOUND,
        "SPOOL_NO_ENCONTRADO",
        "Spool " + tagSpool + " no existe en el catálogo",
        null);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
