package cl.zeues.occupation.views.web;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.views.web.ViewProblemException.FieldProblem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/** Checks of the read routes' inputs, and the read-your-writes header on their answers. */
final class Inputs {

  /** The command API's tag rule: what could ever have been taken. */
  static final Pattern TAG = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

  /**
   * Set to {@code true} on an answer that may not show a write the API already confirmed: the view
   * did not catch up within the read-your-writes bound.
   */
  static final String STALE_HEADER = "X-View-Stale";

  private Inputs() {}

  static String tag(String field, @Nullable String value) {
    if (value == null || !TAG.matcher(value).matches()) {
      throw ViewProblemException.invalid(
          List.of(
              new FieldProblem(
                  field,
                  "debe empezar con letra o dígito y tener solo letras, dígitos, '.', '_' o '-'"
                      + " (máximo 64)")));
    }
    return value;
  }

  static Operacion operacion(@Nullable String value) {
    Operacion operacion = optionalOperacion(value);
    if (operacion == null) {
      throw ViewProblemException.invalid(
          List.of(
              new FieldProblem("operacion", "obligatorio: ARM, SOLD, METROLOGIA o REPARACION")));
    }
    return operacion;
  }

  static @Nullable Operacion optionalOperacion(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Operacion.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ViewProblemException.invalid(
          List.of(
              new FieldProblem(
                  "operacion",
                  "'" + value + "' no es una operación: ARM, SOLD, METROLOGIA o REPARACION")));
    }
  }

  static int workerId(@Nullable String value) {
    try {
      if (value != null) {
        int id = Integer.parseInt(value.strip());
        if (id > 0) {
          return id;
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ViewProblemException.invalid(
        List.of(new FieldProblem("worker_id", "obligatorio: un entero positivo")));
  }

  static <T> ResponseEntity<T> answer(T body, boolean stale) {
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (stale) {
      response.header(STALE_HEADER, "true");
    }
    return response.body(body);
  }
}
