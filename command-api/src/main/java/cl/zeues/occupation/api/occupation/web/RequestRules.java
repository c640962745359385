package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.web.InvalidRequestException;
import cl.zeues.occupation.events.Operacion;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The shape rules of the tablets' requests, shared by the request records and path variables. */
final class RequestRules {

  static final String TAG = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
  static final String TAG_MESSAGE =
      "debe tener 1 a 64 caracteres A-Z, a-z, 0-9, '.', '_' o '-', empezando por letra o dígito";

  /** A name starts with a letter, so nothing formula-like ({@code =}, {@code +}, {@code @}). */
  static final String NOMBRE = "^\\p{L}[\\p{L}\\p{M} .'-]{0,99}$";

  static final String NOMBRE_MESSAGE =
      "debe ser un nombre: empezar por una letra y contener solo letras, espacios, '.', ''' o '-'"
          + " (máximo 100)";

  static final String OPERACION = "^(ARM|SOLD|METROLOGIA|REPARACION)$";
  static final String OPERACION_MESSAGE = "debe ser uno de: ARM, SOLD, METROLOGIA, REPARACION";

  static final String FECHA = "^\\d{4}-\\d{2}-\\d{2}$";
  static final String FECHA_MESSAGE = "debe ser una fecha YYYY-MM-DD";

  static final String WORKER_ID_MESSAGE = "debe ser mayor que 0";

  static final String REQUIRED = "es obligatorio";

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int MAX_IDEMPOTENCY_KEY = 200;

  private static final Pattern TAG_PATTERN = Pattern.compile(TAG);

  private RequestRules() {}

  /** Path variables get the same check as body fields. */
  static String checkedTag(String tag) {
    if (!TAG_PATTERN.matcher(tag).matches()) {
      throw new InvalidRequestException("tag_spool", TAG_MESSAGE);
    }
    return tag;
  }

  static @Nullable String checkedIdempotencyKey(@Nullable String key) {
    if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY)) {
      throw new InvalidRequestException(
          IDEMPOTENCY_KEY, "debe tener entre 1 y " + MAX_IDEMPOTENCY_KEY + " caracteres");
    }
    return key;
  }

  static @Nullable Operacion operacion(@Nullable String value) {
    return value == null ? null : Operacion.valueOf(value);
  }
}
