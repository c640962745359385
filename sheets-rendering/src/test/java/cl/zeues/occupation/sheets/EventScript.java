package cl.zeues.occupation.sheets;

import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.OcupacionExpirada;
import cl.zeues.occupation.events.OccupationEvent.OcupacionLiberada;
import cl.zeues.occupation.events.OccupationEvent.SpoolCancelado;
import cl.zeues.occupation.events.OccupationEvent.SpoolCompletado;
import cl.zeues.occupation.events.OccupationEvent.SpoolPausado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Writes consistent event histories for tests: versions 1, 2, 3 per spool, the occupant's ids, the
 * lease; ids from a fixed seed so runs are reproducible.
 */
public final class EventScript {

  public static final Duration LEASE = Duration.ofHours(12);
  public static final LocalDate FECHA_MATERIALES = LocalDate.of(2026, 1, 5);

  private final Random random;
  private final Map<String, SpoolState> states = new HashMap<>();
  private final List<OccupationEvent> events = new ArrayList<>();

  public EventScript(long seed) {
    this.random = new Random(seed);
  }

  public List<OccupationEvent> events() {
    return List.copyOf(events);
  }

  public SpoolState state(String tag) {
    return states.getOrDefault(tag, SpoolState.initial(tag));
  }

  public SpoolTomado tomar(String tag, Worker worker, Operacion operacion, Instant at) {
    SpoolState state = state(tag);
    UUID command = uuid();
    return add(
        new SpoolTomado(
            uuid(),
            command,
            tag,
            state.version() + 1,
            worker,
            operacion,
            command,
            at,
            at.plus(LEASE),
            state.progressOf(operacion).trabajador() != null,
            FECHA_MATERIALES,
            state.arm().trabajador(),
            null));
  }

  public SpoolPausado pausar(String tag, Instant at) {
    Occupation o = occupation(tag);
    return add(
        new SpoolPausado(
            uuid(),
            uuid(),
            tag,
            next(tag),
            o.worker(),
            o.operacion(),
            o.occupationId(),
            at,
            o.since(),
            null));
  }

  public SpoolCompletado completar(String tag, Instant at, LocalDate fecha) {
    Occupation o = occupation(tag);
    return add(
        new SpoolCompletado(
            uuid(),
            uuid(),
            tag,
            next(tag),
            o.worker(),
            o.operacion(),
            o.occupationId(),
            at,
            o.since(),
            fecha,
            null));
  }

  public SpoolCancelado cancelar(String tag, Instant at) {
    Occupation o = occupation(tag);
    return add(
        new SpoolCancelado(
            uuid(),
            uuid(),
            tag,
            next(tag),
            o.worker(),
            o.operacion(),
            o.occupationId(),
            at,
            o.since(),
            null));
  }

  public OcupacionExpirada expirar(String tag, Instant at) {
    Occupation o = occupation(tag);
    return add(
        new OcupacionExpirada(
            uuid(),
            uuid(),
            tag,
            next(tag),
            o.worker(),
            o.operacion(),
            o.occupationId(),
            at,
            o.since(),
            o.leaseUntil(),
            null));
  }

  public OcupacionLiberada liberar(String tag, Instant at, String admin, String motivo) {
    Occupation o = occupation(tag);
    return add(
        new OcupacionLiberada(
            uuid(),
            uuid(),
            tag,
            next(tag),
            o.worker(),
            o.operacion(),
            o.occupationId(),
            at,
            o.since(),
            admin,
            motivo,
            null));
  }

  private long next(String tag) {
    return state(tag).version() + 1;
  }

  private Occupation occupation(String tag) {
    Occupation occupation = state(tag).occupation();
    if (occupation == null) {
      throw new IllegalStateException(tag + " is not occupied");
    }
    return occupation;
  }

  private <E extends OccupationEvent> E add(E event) {
    states.put(event.tagSpool(), state(event.tagSpool()).evolve(event));
    events.add(event);
    return event;
  }

  private UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }
}
