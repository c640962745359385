package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.CommandMix.Action;
import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The driver's picture of a set of spools: what the tablets would send next, following a {@link
 * CommandMix}, and what the processor should answer. The answer is predicted by the real {@link
 * OccupationDecider} on the driver's own copy of each spool's state, so every reply can be checked
 * against it: an unexpected answer is a finding, not noise.
 *
 * <p>The prediction holds as long as a spool's commands reach the processor in the order they were
 * planned. A single publisher keeps that order (Kafka keeps a key's order); concurrent senders
 * {@linkplain #plan reserve} a spool until its answer is {@linkplain #settle settled}. Seeded; safe
 * for concurrent use.
 */
final class ShopFloor implements Planner {

  /** Every spool of a floor has materials since this date (TOMAR needs it). */
  static final LocalDate MATERIALES = LocalDate.of(2026, 10, 1);

  /**
   * One command to send, with the answer the decider predicts.
   *
   * @param expected {@code ACEPTADO}, or the {@code RejectionReason} name the API answers with
   */
  record Planned(OccupationCommand command, Action action, Worker worker, String expected) {
    String tag() {
      return command.tagSpool();
    }

    @Nullable Operacion operacion() {
      return command instanceof OccupationCommand.Tomar tomar ? tomar.operacion() : null;
    }
  }

  static final String ACCEPTED = "ACEPTADO";

  private final OccupationDecider decider = new OccupationDecider(OccupationPolicy.DEFAULT);
  private final List<String> tags;
  private final List<Worker> workers;
  private final CommandMix mix;
  private final Random random;
  private final Map<String, SpoolState> states = new HashMap<>();
  private final IndexedSet free = new IndexedSet();
  private final IndexedSet occupied = new IndexedSet();
  private final Set<String> inFlight = new HashSet<>();
  private long diverged;

  ShopFloor(List<String> tags, List<Worker> workers, CommandMix mix, long seed) {
    if (tags.isEmpty() || workers.size() < 2) {
      throw new IllegalArgumentException("a floor needs spools and at least two workers");
    }
    this.tags = List.copyOf(tags);
    this.workers = List.copyOf(workers);
    this.mix = mix;
    this.random = new Random(seed);
    for (String tag : tags) {
      states.put(tag, SpoolState.initial(tag));
      free.add(tag);
    }
  }

  List<String> tags() {
    return tags;
  }

  /**
   * The next command, decided on the driver's copy of its spool at {@code now}; null when no spool
   * can take one (every spool reserved or finished).
   *
   * @param reserve keep the spool out of later plans until {@link #settle} (concurrent senders)
   */
  @Override
  public synchronized @Nullable Planned plan(Instant now, boolean reserve) {
    Action action = mix.draw(random);
    String tag = null;
    boolean conflict = false;
    if (action != Action.TOMAR) {
      tag = pick(occupied);
      if (tag == null) {
        action = Action.TOMAR;
      }
    }
    if (action == Action.TOMAR) {
      if (mix.conflicting(random)) {
        tag = pick(occupied);
        conflict = tag != null;
      }
      if (tag == null) {
        tag = pick(free);
      }
      if (tag == null) {
        return null;
      }
    }
    SpoolState state = states.get(tag);
    OccupationCommand command = command(action, state, conflict, now);
    Worker worker = workerOf(command);
    Decision decision = decider.decide(state, command, new SpoolCatalogEntry(tag, MATERIALES), now);
    String expected;
    if (decision instanceof Decision.Accepted accepted) {
      for (OccupationEvent event : accepted.events()) {
        state = state.evolve(event);
      }
      states.put(tag, state);
      place(state);
      expected = ACCEPTED;
    } else {
      expected = ((Decision.Rejected) decision).reason().name();
    }
    if (reserve) {
      inFlight.add(tag);
    }
    return new Planned(command, action, worker, expected);
  }

  /** The planned command's answer came (or will never come): its spool may be planned again. */
  @Override
  public synchronized void settle(Planned planned) {
    inFlight.remove(planned.tag());
  }

  /**
   * The answer was not the predicted one, so the driver's copy of the spool can no longer be
   * trusted: the spool takes no more commands.
   */
  @Override
  public synchronized void diverged(Planned planned) {
    String tag = planned.tag();
    if (free.remove(tag) | occupied.remove(tag)) {
      diverged++;
    }
  }

  /** Spools taken out of play after an unexpected answer. */
  synchronized long divergedSpools() {
    return diverged;
  }

  /** Spools someone holds now, as far as the driver knows. */
  synchronized int occupiedCount() {
    return occupied.size();
  }

  private OccupationCommand command(
      Action action, SpoolState state, boolean conflict, Instant now) {
    UUID id = new UUID(random.nextLong(), random.nextLong());
    String tag = state.tagSpool();
    Occupation occupation = state.occupation();
    if (action == Action.TOMAR) {
      Worker taker = workers.get(random.nextInt(workers.size()));
      if (conflict && occupation != null && taker.id() == occupation.worker().id()) {
        taker = workers.get((workers.indexOf(taker) + 1) % workers.size());
      }
      return new OccupationCommand.Tomar(id, tag, taker, nextOperation(state), now);
    }
    if (occupation == null) {
      throw new IllegalStateException(action + " planned on free spool " + tag);
    }
    Worker occupant = occupation.worker();
    return switch (action) {
      case PAUSAR -> new OccupationCommand.Pausar(id, tag, occupant, null, now);
      case COMPLETAR -> new OccupationCommand.Completar(id, tag, occupant, null, null, now);
      case CANCELAR -> new OccupationCommand.Cancelar(id, tag, occupant, null, now);
      case TOMAR -> throw new IllegalStateException("unreachable");
    };
  }

  /** ARM until it is completed, then SOLD (a finished spool is never in the free pool). */
  private static Operacion nextOperation(SpoolState state) {
    return state.arm().estado() != Estado.COMPLETADO ? Operacion.ARM : Operacion.SOLD;
  }

  private static Worker workerOf(OccupationCommand command) {
    if (command instanceof OccupationCommand.ByWorker c) {
      return c.worker();
    }
    throw new IllegalStateException("the floor plans only tablet commands, not " + command);
  }

  /** Puts a spool in the pool its new state belongs to; a finished spool leaves play. */
  private void place(SpoolState state) {
    String tag = state.tagSpool();
    free.remove(tag);
    occupied.remove(tag);
    if (state.occupation() != null) {
      occupied.add(tag);
    } else if (state.sold().estado() != Estado.COMPLETADO) {
      free.add(tag);
    }
  }

  /** A random spool of {@code pool} that is not reserved, or null. */
  private @Nullable String pick(IndexedSet pool) {
    int size = pool.size();
    if (size == 0) {
      return null;
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      String tag = pool.get(random.nextInt(size));
      if (!inFlight.contains(tag)) {
        return tag;
      }
    }
    int start = random.nextInt(size);
    for (int i = 0; i < size; i++) {
      String tag = pool.get((start + i) % size);
      if (!inFlight.contains(tag)) {
        return tag;
      }
    }
    return null;
  }

  /** A set with O(1) add, remove and random access (swap-remove). */
  private static final class IndexedSet {
    private final List<String> items = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    void add(String item) {
      if (index.putIfAbsent(item, items.size()) == null) {
        items.add(item);
      }
    }

    boolean remove(String item) {
      Integer at = index.remove(item);
      if (at == null) {
        return false;
      }
      String last = items.removeLast();
      if (at < items.size()) {
        items.set(at, last);
        index.put(last, at);
      }
      return true;
    }

    String get(int at) {
      return items.get(at);
    }

    int size() {
      return items.size();
    }
  }
}
