package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.occupation.StatusReader;
import cl.zeues.occupation.api.occupation.StatusUnavailableException;
import cl.zeues.occupation.events.CommandReply;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory store; {@link #down} makes every read fail as if Redis were unreachable. */
final class FakeStatusReader implements StatusReader {

  final Map<UUID, CommandReply> outcomes = new ConcurrentHashMap<>();
  volatile boolean down;

  void reset() {
    outcomes.clear();
    down = false;
  }

  @Override
  public Optional<CommandReply> outcome(String tagSpool, UUID commandId) {
    check();
    return Optional.ofNullable(outcomes.get(commandId)).filter(r -> r.tagSpool().equals(tagSpool));
  }

  private void check() {
    if (down) {
      throw new StatusUnavailableException("redis down (fake)", new RuntimeException());
    }
  }
}
