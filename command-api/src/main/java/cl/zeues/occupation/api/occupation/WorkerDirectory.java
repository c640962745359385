package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.events.Worker;
import java.util.Optional;

/** The shop's workers, as the {@code Trabajadores} and {@code Roles} sheets list them. */
public interface WorkerDirectory {

  /**
   * The active worker with this id, named and tokened as the sheet says ({@code XX(ID)} from the
   * first words of {@code Nombre} and {@code Apellido}); empty when unknown or inactive.
   */
  Optional<Worker> activeWorker(int id);
}
