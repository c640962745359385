package cl.zeues.occupation.events;

import java.util.List;
import java.util.Objects;

/**
 * A worker as the {@code Trabajadores} and {@code Roles} sheets describe them. Published to the
 * compacted {@link Topics#WORKER_CATALOG} keyed by the id (as text); a tombstone removes them.
 *
 * @param roles the worker's active roles ({@code Armador}, {@code Soldador}, {@code Ayudante}, ...)
 */
public record WorkerCatalogEntry(
    int id, String nombre, String apellido, boolean activo, List<String> roles) {

  public WorkerCatalogEntry {
    Objects.requireNonNull(nombre, "nombre");
    Objects.requireNonNull(apellido, "apellido");
    roles = List.copyOf(roles);
  }

  /**
   * The worker as events record them: display name "Nombre Apellido" and the {@code XX(ID)} token,
   * made as the sheet convention says from the first letter of the first word of {@code Nombre} and
   * of {@code Apellido} (so "Juan Andrés" "Pérez Soto" is {@code JP(94)}).
   */
  public Worker worker() {
    return new Worker(
        id,
        (nombre.strip() + " " + apellido.strip()).strip(),
        Worker.tokenFor(id, firstWord(nombre) + " " + firstWord(apellido)));
  }

  private static String firstWord(String text) {
    String stripped = text.strip();
    int space = stripped.indexOf(' ');
    return space < 0 ? stripped : stripped.substring(0, space);
  }

  public String key() {
    return String.valueOf(id);
  }
}
