package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.util.Optional;

/** The shop's workers, as the {@code Trabajadores} and {@code Roles} sheets list them. */
public interface WorkerDirectory {

  /**
   * The active worker with this id as the sheets list them: {@link WorkerCatalogEntry#worker()}
   * names and tokens them ({@code XX(ID)} from the first words of {@code Nombre} and {@code
   * Apellido}), {@link WorkerCatalogEntry#roles()} are their active {@code Roles}; empty when
   * unknown or inactive.
   */
  Optional<WorkerCatalogEntry> activeWorker(int id);
}
