package cl.zeues.occupation.api.occupation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

  /** A bus that keeps every reply future until the test completes or drops it. */
  static final class HeldBus implements CommandBus {
    final Map<UUID, CompletableFuture<CommandReply>> held = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<CommandReply> submit(OccupationCommand command) {
      return held.computeIfAbsent(command.commandId(), id -> new CompletableFuture<>());
    }

    @Override
    public void abandon(UUID commandId) {
      held.remove(commandId);
    }

    void reply(UUID id) {
      held.remove(id)
          .complete(
              new CommandReply.Accepted(
                  id, "T", "ok", Instant.now(), 1, List.of(UUID.randomUUID())));
    }
  }

  static OccupationCommand tomar(UUID id) {
    return new OccupationCommand.Tomar(
        id, "T-" + id, new Worker(93, "MR(93)", "MR(93)"), Operacion.ARM, Instant.now());
  }

  final HeldBus bus = new HeldBus();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final InFlightLimit limit = new InFlightLimit(bus, 2, meters);

  @Test
  void overTheLimitACommandIsRefusedAndNothingIsHeldForIt() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    limit.submit(tomar(a));
    limit.submit(tomar(b));

    assertThatThrownBy(() -> limit.submit(tomar(UUID.randomUUID())))
        .isInstanceOf(CommandBusSaturatedException.class);
    assertThat(bus.held).hasSize(2);
    assertThat(meters.get(InFlightLimit.IN_FLIGHT).gauge().value()).isEqualTo(2);
    assertThat(meters.get(InFlightLimit.SATURATED).counter().count()).isEqualTo(1);
  }

  @Test
  void aReplyOrAnAbandonFreesThePlaceOnce() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    limit.submit(tomar(a));
    limit.submit(tomar(b));

    bus.reply(a);
    limit.abandon(b);
    limit.abandon(b);

    assertThat(limit.inFlight()).isZero();
    limit.submit(tomar(UUID.randomUUID()));
    limit.submit(tomar(UUID.randomUUID()));
    assertThatThrownBy(() -> limit.submit(tomar(UUID.randomUUID())))
        .isInstanceOf(CommandBusSaturatedException.class);
  }

  @Test
  void aRetryOfACommandInFlightSharesItsPlace() {
    UUID a = UUID.randomUUID();
    limit.submit(tomar(a));
    limit.submit(tomar(a));

    assertThat(limit.inFlight()).isEqualTo(1);
    limit.submit(tomar(UUID.randomUUID()));
  }
}
