package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.occupation.WorkerDirectory;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workers the tests use: Juan Perez (94, Armador), Ana Diaz (1, Soldador), Mario Rojas (93, the
 * tablets' {@code MR(93)}: Armador, Soldador and Metrología, typed with its accent) and Pedro Soto
 * (12, Ayudante) active, as the sheets name them; Rosa Inés Vidal (7) inactive.
 */
final class FakeWorkerDirectory implements WorkerDirectory {

  static final Map<Integer, WorkerCatalogEntry> WORKERS =
      Map.of(
          94, new WorkerCatalogEntry(94, "Juan", "Perez", true, List.of("Armador")),
          1, new WorkerCatalogEntry(1, "Ana", "Diaz", true, List.of("Soldador")),
          93,
              new WorkerCatalogEntry(
                  93, "Mario", "Rojas", true, List.of("Armador", "Soldador", "Metrología")),
          12, new WorkerCatalogEntry(12, "Pedro", "Soto", true, List.of("Ayudante")),
          7, new WorkerCatalogEntry(7, "Rosa Inés", "Vidal", false, List.of("Armador")));

  @Override
  public Optional<WorkerCatalogEntry> activeWorker(int id) {
    return Optional.ofNullable(WORKERS.get(id)).filter(WorkerCatalogEntry::activo);
  }
}
