package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.CommandMix.Action;
import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One tablet on one spool: its worker takes the spool's ARM (TOMAR) and pauses it (PAUSAR), again
 * and again, each answer predicted by the real {@link OccupationDecider} on the tablet's own copy
 * of the spool. After an answer that contradicts the prediction it plans nothing more.
 */
final class Tablet implements Planner {

  private final OccupationDecider decider = new OccupationDecider(OccupationPolicy.DEFAULT);
  private final Worker worker;
  private final Random random;
  private SpoolState state;
  private boolean diverged;

  Tablet(String tag, Worker worker, long seed) {
    this.worker = worker;
    this.random = new Random(seed);
    this.state = SpoolState.initial(tag);
  }

  @Override
  public synchronized @Nullable Planned plan(Instant now, boolean reserve) {
    if (diverged) {
      return null;
    }
    UUID id = new UUID(random.nextLong(), random.nextLong());
    String tag = state.tagSpool();
    boolean held = state.occupation() != null;
    OccupationCommand command =
        held
            ? new OccupationCommand.Pausar(id, tag, worker, null, now)
            : new OccupationCommand.Tomar(id, tag, worker, Operacion.ARM, now);
    Decision decision =
        decider.decide(state, command, new SpoolCatalogEntry(tag, ShopFloor.MATERIALES), now);
    String expected;
    if (decision instanceof Decision.Accepted accepted) {
      for (OccupationEvent event : accepted.events()) {
        state = state.evolve(event);
      }
      expected = ShopFloor.ACCEPTED;
    } else {
      expected = ((Decision.Rejected) decision).reason().name();
    }
    return new Planned(command, held ? Action.PAUSAR : Action.TOMAR, worker, expected);
  }

  @Override
  public void settle(Planned planned) {
    // One tablet sends one command at a time: nothing is reserved.
  }

  @Override
  public synchronized void diverged(Planned planned) {
    diverged = true;
  }
}
