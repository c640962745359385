package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds how many commands await their reply at once: a {@link CommandBus} in front of the real one
 * that refuses a command over {@code maxInFlight} with {@link CommandBusSaturatedException} before
 * anything is published or registered, so the pending replies never grow without bound. A command
 * holds its place from submit until its reply arrives, it is abandoned, or publishing fails; a
 * retry with an id already in flight shares the first's place.
 */
public final class InFlightLimit implements CommandBus {

  static final String IN_FLIGHT = "zeues.api.commands.in.flight";
  static final String SATURATED = "zeues.api.commands.saturated";

  private final CommandBus bus;
  private final int maxInFlight;
  private final Semaphore places;
  private final Set<UUID> holding = ConcurrentHashMap.newKeySet();
  private final Counter refused;

  public InFlightLimit(CommandBus bus, int maxInFlight, MeterRegistry meters) {
    this.bus = bus;
    this.maxInFlight = maxInFlight;
    this.places = new Semaphore(maxInFlight);
    Gauge.builder(IN_FLIGHT, holding, Set::size)
        .description("Commands this instance awaits a reply for (at most zeues.api.max-in-flight)")
        .register(meters);
    this.refused =
        Counter.builder(SATURATED)
            .description("Commands refused with 503 because max-in-flight were awaited already")
            .register(meters);
  }

  @Override
  public CompletableFuture<CommandReply> submit(OccupationCommand command) {
    UUID id = command.commandId();
    if (holding.add(id)) {
      if (!places.tryAcquire()) {
        holding.remove(id);
        refused.increment();
        throw new CommandBusSaturatedException(maxInFlight);
      }
    }
    CompletableFuture<CommandReply> reply;
    try {
      reply = bus.submit(command);
    } catch (RuntimeException e) {
      release(id);
      throw e;
    }
    reply.whenComplete((r, e) -> release(id));
    return reply;
  }

  @Override
  public void abandon(UUID commandId) {
    bus.abandon(commandId);
    release(commandId);
  }

  /** How many commands hold a place now. */
  public int inFlight() {
    return holding.size();
  }

  private void release(UUID id) {
    if (holding.remove(id)) {
      places.release();
    }
  }
}
