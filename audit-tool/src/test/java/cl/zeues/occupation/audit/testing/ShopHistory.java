package cl.zeues.occupation.audit.testing;

import cl.zeues.occupation.audit.log.LogRecord;
import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.EventChain;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import java.nio.charset.StandardCharsets;
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
 * Writes real histories: every event comes from the domain's own {@link OccupationDecider}, on a
 * clock that moves forward as the script says, with command ids from a fixed seed, sealed into each
 * spool's hash chain as the processor seals them. The records it renders carry the key and {@code
 * ce_*} headers the processor writes.
 */
public final class ShopHistory {

  public static final LocalDate FECHA_MATERIALES = LocalDate.of(2026, 1, 5);
  public static final Worker JUAN = Worker.of(94, "Juan Perez");
  public static final Worker MARIA = Worker.of(12, "Maria Soto");
  public static final Worker PEDRO = Worker.of(33, "Pedro Rojas");

  private final OccupationDecider decider = new OccupationDecider(OccupationPolicy.DEFAULT);
  private final JsonCodec json = new JsonCodec();
  private final EventChain chain = new EventChain(json);
  private final Random random;
  private final Map<String, SpoolState> states = new HashMap<>();
  private final List<OccupationEvent> events = new ArrayList<>();
  private final List<List<OccupationEvent>> decisions = new ArrayList<>();
  private Instant now;

  public ShopHistory(long seed, Instant start) {
    this.random = new Random(seed);
    this.now = start;
  }

  public Instant now() {
    return now;
  }

  public ShopHistory after(Duration duration) {
    now = now.plus(duration);
    return this;
  }

  public List<OccupationEvent> events() {
    return List.copyOf(events);
  }

  /** Drops the recorded events and decisions (the spools' states stay): for very long runs. */
  public void forget() {
    events.clear();
    decisions.clear();
  }

  /** Each accepted command's events: what the processor publishes in one transaction. */
  public List<List<OccupationEvent>> decisions() {
    return List.copyOf(decisions);
  }

  public SpoolState state(String tag) {
    return states.getOrDefault(tag, SpoolState.initial(tag));
  }

  public List<OccupationEvent> tomar(String tag, Worker worker, Operacion operacion) {
    return decide(new OccupationCommand.Tomar(uuid(), tag, worker, operacion, now));
  }

  public List<OccupationEvent> pausar(String tag, Worker worker) {
    return decide(new OccupationCommand.Pausar(uuid(), tag, worker, null, now));
  }

  public List<OccupationEvent> completar(String tag, Worker worker) {
    return decide(new OccupationCommand.Completar(uuid(), tag, worker, null, null, now));
  }

  public List<OccupationEvent> cancelar(String tag, Worker worker) {
    return decide(new OccupationCommand.Cancelar(uuid(), tag, worker, null, now));
  }

  public List<OccupationEvent> liberar(String tag, String admin) {
    return decide(new OccupationCommand.LiberarOcupacion(uuid(), tag, admin, "prueba", now));
  }

  public List<OccupationEvent> metrologia(String tag, Worker worker, Resultado resultado) {
    return decide(
        new OccupationCommand.CompletarMetrologia(uuid(), tag, worker, resultado, null, now));
  }

  public List<OccupationEvent> desbloquear(String tag, String admin) {
    return decide(new OccupationCommand.DesbloquearSpool(uuid(), tag, admin, "revisado", now));
  }

  public List<OccupationEvent> expirar(String tag) {
    var occupation = state(tag).occupation();
    if (occupation == null) {
      throw new IllegalStateException(tag + " is free");
    }
    return decide(
        new OccupationCommand.ExpirarOcupacion(uuid(), tag, occupation.occupationId(), now));
  }

  private List<OccupationEvent> decide(OccupationCommand command) {
    String tag = command.tagSpool();
    Decision decision =
        decider.decide(state(tag), command, new SpoolCatalogEntry(tag, FECHA_MATERIALES), now);
    if (!(decision instanceof Decision.Accepted accepted)) {
      throw new IllegalStateException("rejected: " + decision.message());
    }
    SpoolState state = state(tag);
    // Sealed into the spool's hash chain as the processor seals what it publishes.
    EventChain.Sealed sealed = chain.seal(state.chainHead(), accepted.events());
    for (OccupationEvent event : sealed.events()) {
      state = state.evolve(event);
    }
    states.put(tag, state.chainedTo(sealed.lastHash()));
    events.addAll(sealed.events());
    decisions.add(sealed.events());
    return sealed.events();
  }

  /** The history as log records on {@code partitions} partitions, keyed and headed as produced. */
  public List<LogRecord> records(int partitions) {
    return records(events, partitions);
  }

  public static List<LogRecord> records(List<OccupationEvent> events, int partitions) {
    JsonCodec json = new JsonCodec();
    long[] offsets = new long[partitions];
    List<LogRecord> records = new ArrayList<>();
    for (OccupationEvent event : events) {
      int partition = Math.floorMod(event.tagSpool().hashCode(), partitions);
      records.add(
          new LogRecord(
              partition,
              offsets[partition]++,
              event.tagSpool(),
              json.write(event),
              new String(CloudEventHeaders.of(event).get("ce_type"), StandardCharsets.UTF_8)));
    }
    return records;
  }

  public byte[] json(OccupationEvent event) {
    return json.write(event);
  }

  public UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }
}
