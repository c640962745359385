package cl.zeues.occupation.benchmarks.support;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.Decision.Accepted;
import cl.zeues.occupation.domain.Decision.Rejected;
import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationCommand.Cancelar;
import cl.zeues.occupation.events.OccupationCommand.Completar;
import cl.zeues.occupation.events.OccupationCommand.ExpirarOcupacion;
import cl.zeues.occupation.events.OccupationCommand.LiberarOcupacion;
import cl.zeues.occupation.events.OccupationCommand.Pausar;
import cl.zeues.occupation.events.OccupationCommand.Tomar;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Valid occupation events, as the processor would publish them: each one is what {@link
 * OccupationDecider} decides for a command that fits the spool's current state (versions 1..n per
 * spool, TOMAR only on a free spool, PAUSAR/CANCELAR/COMPLETAR only by the occupant). Spools are
 * picked at random; a spool with ARM and SOLD both completed takes no more events. Seeded, so two
 * generators with the same seed and spools produce the same commands, and the same events when they
 * are given the same instants.
 */
public final class EventGenerator {

  private static final LocalDate MATERIALES = LocalDate.of(2026, 5, 4);

  private final OccupationDecider decider = new OccupationDecider(OccupationPolicy.DEFAULT);
  private final Random random;
  private final List<String> live;
  private final Map<String, SpoolState> states = new HashMap<>();
  private final List<Worker> workers;
  private final double leaseEndShare;

  /** A generator whose occupations end only by their occupant (PAUSAR, COMPLETAR, CANCELAR). */
  public EventGenerator(List<String> tags, long seed) {
    this(tags, seed, 0);
  }

  /**
   * @param leaseEndShare the share of an occupied spool's next commands that end the occupation
   *     without its occupant: half an administrator's force-release, half the sweeper's expiry of a
   *     lapsed lease (both rare on a shop floor: leases last 12 h, sessions 5-8 h)
   */
  public EventGenerator(List<String> tags, long seed, double leaseEndShare) {
    if (leaseEndShare < 0 || leaseEndShare > 0.5) {
      throw new IllegalArgumentException("leaseEndShare must be in [0, 0.5], was " + leaseEndShare);
    }
    this.random = new Random(seed);
    this.live = new ArrayList<>(tags);
    this.leaseEndShare = leaseEndShare;
    tags.forEach(tag -> states.put(tag, SpoolState.initial(tag)));
    String[] nombres = {"Juan Perez", "Maria Soto", "Pedro Rojas", "Ana Bravo", "Luis Munoz"};
    this.workers =
        IntStream.rangeClosed(1, 40)
            .mapToObj(id -> Worker.of(id, nombres[id % nombres.length]))
            .toList();
  }

  /** The tags of the {@code count} spools of a bench spreadsheet. */
  public static List<String> tags(int count) {
    return IntStream.range(0, count).mapToObj(i -> String.format("MK-BENCH-SP-%05d", i)).toList();
  }

  /**
   * The events of one more accepted command on a random spool, decided at {@code now}.
   *
   * @throws IllegalStateException when every spool has completed both operations
   */
  public List<OccupationEvent> next(Instant now) {
    while (!live.isEmpty()) {
      int index = random.nextInt(live.size());
      String tag = live.get(index);
      SpoolState state = states.get(tag);
      OccupationCommand command = command(state, now);
      if (command == null) {
        live.set(index, live.getLast());
        live.removeLast();
        continue;
      }
      Instant decidedAt = command instanceof ExpirarOcupacion ? command.requestedAt() : now;
      Decision decision =
          decider.decide(state, command, new SpoolCatalogEntry(tag, MATERIALES), decidedAt);
      if (decision instanceof Rejected rejected) {
        throw new IllegalStateException(
            "generated an invalid command " + command + ": " + rejected.message());
      }
      List<OccupationEvent> events = ((Accepted) decision).events();
      for (OccupationEvent event : events) {
        state = state.evolve(event);
      }
      states.put(tag, state);
      return events;
    }
    throw new IllegalStateException("every spool has completed ARM and SOLD");
  }

  /** The version a spool's row should show once everything generated so far has landed. */
  public long version(String tag) {
    return states.get(tag).version();
  }

  /** A command that fits {@code state}, or null when the spool has nothing left to do. */
  private @Nullable OccupationCommand command(SpoolState state, Instant now) {
    UUID id = new UUID(random.nextLong(), random.nextLong());
    String tag = state.tagSpool();
    Occupation occupation = state.occupation();
    if (occupation == null) {
      @Nullable Operacion next =
          state.arm().estado() != Estado.COMPLETADO
              ? Operacion.ARM
              : state.sold().estado() != Estado.COMPLETADO ? Operacion.SOLD : null;
      if (next == null) {
        return null;
      }
      return new Tomar(id, tag, workers.get(random.nextInt(workers.size())), next, now);
    }
    Worker occupant = occupation.worker();
    Operacion operacion = occupation.operacion();
    if (leaseEndShare > 0) {
      double end = random.nextDouble();
      if (end < leaseEndShare / 2) {
        return new LiberarOcupacion(id, tag, "supervisor", "turno terminado", now);
      }
      if (end < leaseEndShare) {
        // The sweeper asks once the lease has lapsed; the decision is taken at that time.
        return new ExpirarOcupacion(
            id, tag, occupation.occupationId(), occupation.leaseUntil().plusSeconds(30));
      }
    }
    double draw = random.nextDouble();
    boolean mayCancel = operacion != Operacion.ARM || state.sold().trabajador() == null;
    if (draw < 0.10) {
      return new Completar(id, tag, occupant, operacion, null, now);
    }
    if (draw < 0.35 && mayCancel) {
      return new Cancelar(id, tag, occupant, operacion, now);
    }
    return new Pausar(id, tag, occupant, operacion, now);
  }
}
