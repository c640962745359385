package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.occupation.CommandBus;
import cl.zeues.occupation.api.occupation.CommandBusUnavailableException;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.RejectionReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A command bus that answers from a script instead of a processor: by default it accepts; a tag can
 * be scripted to be rejected, to stay silent (never reply) or to find the broker down.
 */
final class FakeCommandBus implements CommandBus {

  private sealed interface Script {}

  private record Reject(RejectionReason reason, @Nullable String ocupadoPor) implements Script {}

  private record Silent() implements Script {}

  private record Down() implements Script {}

  final List<OccupationCommand> published = new CopyOnWriteArrayList<>();
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();

  void reset() {
    published.clear();
    scripts.clear();
  }

  void reject(String tag, RejectionReason reason, @Nullable String ocupadoPor) {
    scripts.put(tag, new Reject(reason, ocupadoPor));
  }

  void silent(String tag) {
    scripts.put(tag, new Silent());
  }

  void down(String tag) {
    scripts.put(tag, new Down());
  }

  @Override
  public CompletableFuture<CommandReply> submit(OccupationCommand command) {
    Script script = scripts.get(command.tagSpool());
    if (script instanceof Down) {
      throw new CommandBusUnavailableException("broker down (fake)", new RuntimeException());
    }
    published.add(command);
    Instant now = Instant.parse("2026-11-27T12:30:00Z");
    return switch (script) {
      case null ->
          CompletableFuture.completedFuture(
              new CommandReply.Accepted(
                  command.commandId(),
                  command.tagSpool(),
                  "OK " + command.tagSpool(),
                  now,
                  7,
                  List.of(UUID.randomUUID())));
      case Reject r ->
          CompletableFuture.completedFuture(
              new CommandReply.Rejected(
                  command.commandId(),
                  command.tagSpool(),
                  "Rechazado: " + r.reason(),
                  now,
                  r.reason(),
                  r.ocupadoPor()));
      case Silent s -> new CompletableFuture<>();
      case Down d -> throw new IllegalStateException("unreachable");
    };
  }

  @Override
  public void abandon(UUID commandId) {}
}
