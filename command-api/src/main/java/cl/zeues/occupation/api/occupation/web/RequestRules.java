package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.occupation.CommandIds;
import cl.zeues.occupation.api.security.Caller;
import cl.zeues.occupation.api.security.Callers;
import cl.zeues.occupation.api.web.InvalidRequestException;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The shape rules of the tablets' requests, shared by the request records and path variables.
 *
 * <p>Contract: every request shape the shop's clients send (domain-facts §6.3 and §6.4, with their
 * real worker tokens and tags) passes these rules; {@code TabletContractTest} proves it with their
 * bodies. A rule stricter than domain-facts §6 needs a line in command-api/README.md (section
 * "Stricter than the shop's contract") saying which real client it could refuse and why.
 */
final class RequestRules {

  static final String TAG = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
  static final String TAG_MESSAGE =
      "debe tener 1 a 64 caracteres A-Z, a-z, 0-9, '.', '_' o '-', empezando por letra o dígito";

  static final int NOMBRE_MAX = 100;

  static final String NOMBRE_MESSAGE =
      "si se envía, debe tener de 1 a " + NOMBRE_MAX + " caracteres y ningún carácter de control";

  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

  static final String OPERACION = "^(ARM|SOLD|METROLOGIA|REPARACION)$";
  static final String OPERACION_MESSAGE = "debe ser uno de: ARM, SOLD, METROLOGIA, REPARACION";

  static final String RESULTADO = "^(APROBADO|RECHAZADO)$";
  static final String RESULTADO_MESSAGE = "debe ser uno de: APROBADO, RECHAZADO";

  static final String FECHA = "^\\d{4}-\\d{2}-\\d{2}$";
  static final String FECHA_MESSAGE = "debe ser una fecha YYYY-MM-DD";

  static final String WORKER_ID_MESSAGE = "debe ser mayor que 0";

  static final String REQUIRED = "es obligatorio";

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int MAX_IDEMPOTENCY_KEY = 200;

  private static final Pattern TAG_PATTERN = Pattern.compile(TAG);

  private RequestRules() {}

  /** Text that can be a name or a token: not blank, not too long, no control characters. */
  static boolean isName(String text) {
    String name = text.strip();
    return !name.isEmpty()
        && name.codePointCount(0, name.length()) <= NOMBRE_MAX
        && !CONTROL.matcher(text).find();
  }

  /** Path variables get the same check as body fields. */
  static String checkedTag(String tag) {
    if (!TAG_PATTERN.matcher(tag).matches()) {
      throw new InvalidRequestException("tag_spool", TAG_MESSAGE);
    }
    return tag;
  }

  /** The command id of this request: random, or derived from the caller's idempotency key. */
  static java.util.UUID commandId(@Nullable String key, String tag) {
    String caller = Callers.current().map(Caller::id).orElse(CommandIds.ANONYMOUS);
    return CommandIds.forRequest(caller, checkedIdempotencyKey(key), tag);
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

  static Resultado resultado(String value) {
    return Resultado.valueOf(value);
  }
}
