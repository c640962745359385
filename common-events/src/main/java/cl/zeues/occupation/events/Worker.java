package cl.zeues.occupation.events;

import java.util.Objects;

/**
 * A shop-floor worker as the log records them.
 *
 * @param id the id in the {@code Trabajadores} sheet
 * @param nombre display name, "Nombre Apellido"
 * @param token the {@code XX(ID)} token written into {@code Ocupado_Por}, {@code Armador}, ...
 */
public record Worker(int id, String nombre, String token) {

  public Worker {
    Objects.requireNonNull(nombre, "nombre");
    Objects.requireNonNull(token, "token");
  }

  /**
   * Builds a worker whose token is the initials of the first two words of {@code nombre} and the
   * id, as the {@code Trabajadores} sheet convention does: "Juan Perez", 94 gives {@code JP(94)}.
   */
  public static Worker of(int id, String nombre) {
    return new Worker(id, nombre.strip(), tokenFor(id, nombre));
  }

  /**
   * A supervisor or administrator acting outside the {@code Trabajadores} sheet, recorded with id 0
   * (as the earlier system's administrative Metadata rows were) and their name as the token.
   */
  public static Worker supervisor(String name) {
    return new Worker(0, name.strip(), name.strip());
  }

  static String tokenFor(int id, String nombre) {
    StringBuilder initials = new StringBuilder(2);
    for (String word : nombre.strip().split("\\s+")) {
      if (!word.isEmpty() && initials.length() < 2) {
        initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      }
    }
    return initials + "(" + id + ")";
  }
}
