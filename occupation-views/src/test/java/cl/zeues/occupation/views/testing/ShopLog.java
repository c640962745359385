package cl.zeues.occupation.views.testing;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A shop's event log made by the real {@link OccupationDecider}: every event is one the processor
 * could have written, versions without gaps, event ids unique across seeds. Deterministic for a
 * seed.
 */
public final class ShopLog {

  public static final LocalDate MATERIALES = LocalDate.parse("2026-10-01");
  public static final Instant START = Instant.parse("2026-11-02T11:00:00Z");

  private final OccupationDecider decider = new OccupationDecider(OccupationPolicy.DEFAULT);
  private final Map<String, SpoolState> states = new HashMap<>();
  private final List<OccupationEvent> events = new ArrayList<>();
  private final long seed;
  private final Random random;
  private Instant now;
  private long commands;

  public ShopLog(long seed) {
    this(seed, START);
  }

  public ShopLog(long seed, Instant start) {
    this.seed = seed;
    this.random = new Random(seed);
    this.now = start;
  }

  /** {@code count} workers with ids 10.. and the sheet's roles. */
  public static List<WorkerCatalogEntry> workers(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new WorkerCatalogEntry(
                    10 + i,
                    "Nombre" + (char) ('A' + i % 26),
                    "Apellido" + (char) ('A' + (i / 26) % 26),
                    i % 7 != 6,
                    i % 2 == 0 ? List.of("Armador", "Ayudante") : List.of("Soldador")))
        .toList();
  }

  /** Tags in the shop's format: {@code MK-<prefix>-CW-<5 digits>-<3 digits>}. */
  public static List<String> tags(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> String.format("MK-%s-CW-%05d-%03d", prefix, i / 8, i % 8 + 1))
        .toList();
  }

  public static Map<String, SpoolCatalogEntry> catalog(List<String> tags) {
    return tags.stream()
        .collect(
            Collectors.toMap(
                Function.identity(),
                tag -> new SpoolCatalogEntry(tag, MATERIALES),
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  public List<OccupationEvent> events() {
    return List.copyOf(events);
  }

  public SpoolState state(String tag) {
    return states.getOrDefault(tag, SpoolState.initial(tag));
  }

  public Instant now() {
    return now;
  }

  /** Moves the log's clock on. */
  public ShopLog advance(Duration by) {
    now = now.plus(by);
    return this;
  }

  public List<OccupationEvent> tomar(String tag, Worker worker, Operacion operacion) {
    return decide(new OccupationCommand.Tomar(nextId(), tag, worker, operacion, now));
  }

  public List<OccupationEvent> pausar(String tag, Worker worker) {
    return decide(new OccupationCommand.Pausar(nextId(), tag, worker, null, now));
  }

  public List<OccupationEvent> completar(String tag, Worker worker) {
    return decide(new OccupationCommand.Completar(nextId(), tag, worker, null, null, now));
  }

  public List<OccupationEvent> cancelar(String tag, Worker worker) {
    return decide(new OccupationCommand.Cancelar(nextId(), tag, worker, null, now));
  }

  public List<OccupationEvent> liberar(String tag, String admin) {
    return decide(new OccupationCommand.LiberarOcupacion(nextId(), tag, admin, "prueba", now));
  }

  /**
   * Decides {@code command} against the log so far and records its events.
   *
   * @throws IllegalStateException when the decider rejects it (a test fixture bug)
   */
  public List<OccupationEvent> decide(OccupationCommand command) {
    String tag = command.tagSpool();
    Decision decision =
        decider.decide(state(tag), command, new SpoolCatalogEntry(tag, MATERIALES), now);
    if (!(decision instanceof Decision.Accepted accepted)) {
      throw new IllegalStateException(command + " rejected: " + decision.message());
    }
    SpoolState state = state(tag);
    for (OccupationEvent event : accepted.events()) {
      state = state.evolve(event);
    }
    states.put(tag, state);
    events.addAll(accepted.events());
    return accepted.events();
  }

  /**
   * {@code count} accepted commands on random spools of {@code tags} by random {@code workers}: a
   * spool held is paused (45 %), completed (45 %) or cancelled by its occupant; a free one is taken
   * for ARM, or for SOLD once ARM was initiated; a spool with both done is left alone.
   *
   * @throws IllegalStateException when every spool is done before {@code count} commands
   */
  public ShopLog randomWalk(List<String> tags, List<Worker> workers, int count) {
    List<String> movable = new ArrayList<>(tags);
    int done = 0;
    while (done < count) {
      if (movable.isEmpty()) {
        throw new IllegalStateException(
            "every spool finished ARM and SOLD after " + done + " of " + count + " commands");
      }
      int pick = random.nextInt(movable.size());
      advance(Duration.ofSeconds(1 + random.nextInt(600)));
      if (step(movable.get(pick), workers.get(random.nextInt(workers.size())))) {
        done++;
      } else {
        movable.set(pick, movable.getLast());
        movable.removeLast();
      }
    }
    return this;
  }

  /**
   * Pauses held spools (by their occupants) until at most {@code keep} are held: a shop where a few
   * dozen workers hold a few spools each, whatever the walk left.
   */
  public ShopLog releaseAllBut(int keep) {
    List<String> held =
        states.values().stream()
            .filter(s -> s.occupation() != null)
            .map(SpoolState::tagSpool)
            .sorted()
            .toList();
    for (String tag : held.subList(0, Math.max(0, held.size() - keep))) {
      var occupation = state(tag).occupation();
      if (occupation != null) {
        advance(Duration.ofSeconds(1));
        pausar(tag, occupation.worker());
      }
    }
    return this;
  }

  /**
   * Exactly {@code count} more events that leave the number of held spools as it is (or one less):
   * occupants pause and take their spool again.
   *
   * @throws IllegalStateException when nobody holds a spool
   */
  public ShopLog churnHeld(int count) {
    List<String> held =
        states.values().stream()
            .filter(SpoolState::isOccupied)
            .map(SpoolState::tagSpool)
            .sorted()
            .toList();
    if (held.isEmpty() && count > 0) {
      throw new IllegalStateException("nobody holds a spool");
    }
    for (int i = 0; i < count; i++) {
      String tag = held.get((i / 2) % held.size());
      var occupation = state(tag).occupation();
      advance(Duration.ofSeconds(1 + random.nextInt(600)));
      if (occupation != null) {
        pausar(tag, occupation.worker());
      } else {
        var lastTaker =
            events.reversed().stream()
                .filter(e -> e.tagSpool().equals(tag))
                .findFirst()
                .orElseThrow();
        tomar(tag, lastTaker.worker(), lastTaker.operacion());
      }
    }
    return this;
  }

  private boolean step(String tag, Worker worker) {
    SpoolState state = state(tag);
    var occupation = state.occupation();
    if (occupation != null) {
      Worker occupant = occupation.worker();
      int roll = random.nextInt(100);
      if (roll < 45) {
        pausar(tag, occupant);
      } else if (roll < 90
          || (occupation.operacion() == Operacion.ARM && state.sold().trabajador() != null)) {
        completar(tag, occupant);
      } else {
        cancelar(tag, occupant);
      }
      return true;
    }
    @Nullable Operacion next = null;
    if (state.arm().estado() != cl.zeues.occupation.domain.Estado.COMPLETADO) {
      next =
          state.sold().trabajador() == null
                  && state.arm().trabajador() != null
                  && random.nextBoolean()
              ? Operacion.SOLD
              : Operacion.ARM;
    } else if (state.sold().estado() != cl.zeues.occupation.domain.Estado.COMPLETADO) {
      next = Operacion.SOLD;
    }
    if (next == null) {
      return false;
    }
    tomar(tag, worker, next);
    return true;
  }

  /**
   * Unique across logs of different seeds, as command ids (and the event ids made from them) are.
   */
  private UUID nextId() {
    return new UUID(seed, ++commands);
  }
}
