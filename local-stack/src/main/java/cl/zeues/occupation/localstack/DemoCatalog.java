package cl.zeues.occupation.localstack;

import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic demo catalog (fixed seed): tags in the shop's {@code MK-####-XX-#####-###}
 * format, consecutive suffixes within a drawing, materials received 30-90 days ago for all but a
 * few, which stay without {@code Fecha_Materiales} so the prerequisite can be seen failing.
 */
final class DemoCatalog {

  private static final List<String> CODES = List.of("CW", "TW", "BW", "SW", "GW", "TK");

  private static final List<String> NOMBRES =
      List.of(
          "Pedro", "María", "Luis", "Carla", "Diego", "Sofía", "Jorge", "Paula", "Raúl", "Inés");
  private static final List<String> APELLIDOS =
      List.of(
          "Soto", "Muñoz", "Rojas", "Díaz", "Vega", "Lagos", "Fuentes", "Reyes", "Castro", "Mora");
  private static final List<List<String>> ROLES =
      List.of(
          List.of("Armador"),
          List.of("Soldador"),
          List.of("Armador", "Soldador"),
          List.of("Ayudante"),
          List.of("Metrologia"));

  private DemoCatalog() {}

  /**
   * 50 workers with roles (ids 10-57, plus Juan Pérez 94 and Ana Bravo 12 of the README's
   * walk-through); two of them inactive.
   */
  static List<WorkerCatalogEntry> workers() {
    Map<Integer, WorkerCatalogEntry> workers = new LinkedHashMap<>();
    workers.put(94, new WorkerCatalogEntry(94, "Juan", "Pérez", true, List.of("Armador")));
    workers.put(
        12, new WorkerCatalogEntry(12, "Ana", "Bravo", true, List.of("Armador", "Soldador")));
    for (int id = 10; workers.size() < 50; id++) {
      workers.putIfAbsent(
          id,
          new WorkerCatalogEntry(
              id,
              NOMBRES.get(id % NOMBRES.size()),
              APELLIDOS.get((id / NOMBRES.size()) % APELLIDOS.size()),
              id % 23 != 0,
              ROLES.get(id % ROLES.size())));
    }
    return List.copyOf(workers.values());
  }

  static List<SpoolCatalogEntry> spools(int count, LocalDate today) {
    Random random = new Random(42);
    Map<String, SpoolCatalogEntry> entries = new LinkedHashMap<>(count);
    while (entries.size() < count) {
      String drawing =
          String.format(
              "MK-%04d-%s-%05d",
              1000 + random.nextInt(9000),
              CODES.get(random.nextInt(CODES.size())),
              random.nextInt(100_000));
      int spoolsInDrawing = 1 + random.nextInt(8);
      for (int s = 1; s <= spoolsInDrawing && entries.size() < count; s++) {
        LocalDate materiales =
            random.nextInt(50) == 0 ? null : today.minusDays(30 + random.nextInt(61));
        String tag = String.format("%s-%03d", drawing, s);
        entries.putIfAbsent(tag, new SpoolCatalogEntry(tag, materiales));
      }
    }
    return List.copyOf(entries.values());
  }
}
