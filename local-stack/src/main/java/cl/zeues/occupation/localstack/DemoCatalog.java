package cl.zeues.occupation.localstack;

import cl.zeues.occupation.events.SpoolCatalogEntry;
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

  private DemoCatalog() {}

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
