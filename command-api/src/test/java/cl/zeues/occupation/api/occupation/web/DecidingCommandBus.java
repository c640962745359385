package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.occupation.CommandBus;
import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A command bus that decides each command at once with the processor's own rules ({@link
 * OccupationDecider}) against spools held in memory, and replies as the processor would: the API's
 * answers to real requests, without Kafka or Redis. It decides at the command's request time.
 */
final class DecidingCommandBus implements CommandBus {

  private final OccupationDecider decider = new OccupationDecider(OccupationPolicy.DEFAULT);
  private final Map<String, SpoolCatalogEntry> catalog;
  private final Map<String, SpoolState> spools = new HashMap<>();
  final List<OccupationCommand> published = new CopyOnWriteArrayList<>();

  DecidingCommandBus(List<SpoolCatalogEntry> catalog) {
    this.catalog = new HashMap<>();
    catalog.forEach(entry -> this.catalog.put(entry.tagSpool(), entry));
  }

  synchronized void reset() {
    spools.clear();
    published.clear();
  }

  @Override
  public synchronized CompletableFuture<CommandReply> submit(OccupationCommand command) {
    published.add(command);
    String tag = command.tagSpool();
    SpoolState state = spools.getOrDefault(tag, SpoolState.initial(tag));
    CommandReply reply =
        switch (decider.decide(state, command, catalog.get(tag), command.requestedAt())) {
          case Decision.Accepted accepted -> {
            for (OccupationEvent event : accepted.events()) {
              state = state.evolve(event);
            }
            spools.put(tag, state);
            yield new CommandReply.Accepted(
                command.commandId(),
                tag,
                accepted.message(),
                command.requestedAt(),
                accepted.resultingVersion(),
                accepted.events().stream().map(OccupationEvent::eventId).toList(),
                accepted.estadoDetalle(),
                accepted.ciclo());
          }
          case Decision.Rejected rejected ->
              new CommandReply.Rejected(
                  command.commandId(),
                  tag,
                  rejected.message(),
                  command.requestedAt(),
                  rejected.reason(),
                  rejected.ocupadoPor());
        };
    return CompletableFuture.completedFuture(reply);
  }

  @Override
  public void abandon(UUID commandId) {}
}
