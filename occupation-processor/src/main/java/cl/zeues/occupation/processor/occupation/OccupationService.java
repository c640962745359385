package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides one command against its spool and makes the decision durable in the store, exactly once
 * per command id. Kafka's partitioning already serialises a spool's commands; the version fence and
 * the lock token protect against a second writer that partitioning cannot see (a processor that
 * lost its partitions but is still running).
 */
public final class OccupationService {

  private static final Logger log = LoggerFactory.getLogger(OccupationService.class);

  private final OccupationDecider decider;
  private final OccupationStore store;
  private final SpoolLocks locks;
  private final SpoolCatalog catalog;
  private final ConflictService conflicts;
  private final Clock clock;
  private final LockLifetime lockLifetime;
  private final MeterRegistry registry;

  /**
   * @param lockTtl how long a lock outlives its lease if nobody releases it: a backstop only, the
   *     lease's end is decided explicitly by the sweeper as an event
   */
  public OccupationService(
      OccupationDecider decider,
      OccupationStore store,
      SpoolLocks locks,
      SpoolCatalog catalog,
      ConflictService conflicts,
      Clock clock,
      Duration lockTtl,
      MeterRegistry registry) {
    this.decider = decider;
    this.store = store;
    this.locks = locks;
    this.catalog = catalog;
    this.conflicts = conflicts;
    this.clock = clock;
    this.lockLifetime = new LockLifetime(clock, lockTtl);
    this.registry = registry;
  }

  public CommandOutcome handle(OccupationCommand command, CommandSource source) {
    String tag = command.tagSpool();
    return conflicts.run(tag, () -> attempt(command, source));
  }

  private Optional<CommandOutcome> attempt(OccupationCommand command, CommandSource source) {
    String tag = command.tagSpool();
    StoredSpool stored = store.load(tag, command.commandId());
    RecordedCommand recorded = stored.recorded();
    if (recorded != null) {
      return Optional.of(repeat(recorded, source));
    }
    SpoolState state = stored.state();
    Instant now = clock.instant();
    Decision decision = decider.decide(state, command, catalog.find(tag).orElse(null), now);
    return switch (decision) {
      case Decision.Rejected r -> {
        CommandReply reply =
            new CommandReply.Rejected(
                command.commandId(), tag, r.message(), now, r.reason(), r.ocupadoPor());
        store.recordRejection(tag, new RecordedCommand(reply, List.of(), source));
        count("rejected", r.reason().name());
        yield Optional.of(new CommandOutcome(List.of(), reply));
      }
      case Decision.Accepted a -> write(command, source, state, a, now);
    };
  }

  private Optional<CommandOutcome> write(
      OccupationCommand command,
      CommandSource source,
      SpoolState state,
      Decision.Accepted accepted,
      Instant now) {
    String tag = command.tagSpool();
    SpoolState next = state;
    for (OccupationEvent event : accepted.events()) {
      next = next.evolve(event);
    }
    Occupation before = state.occupation();
    Occupation after = next.occupation();
    boolean takes =
        after != null && (before == null || !before.occupationId().equals(after.occupationId()));
    if (takes && !acquire(tag, after)) {
      return Optional.empty();
    }
    CommandReply reply =
        new CommandReply.Accepted(
            command.commandId(),
            tag,
            accepted.message(),
            now,
            accepted.resultingVersion(),
            accepted.events().stream().map(OccupationEvent::eventId).toList());
    RecordedCommand record = new RecordedCommand(reply, accepted.events(), source);
    OccupationStore.WriteResult result = store.write(tag, state.version(), next, record);
    if (result != OccupationStore.WriteResult.WRITTEN) {
      // The lock taken for this occupation stays: the winner may be a zombie that wrote this very
      // decision (same command, same token). If the winner wrote something else instead, the lock
      // is stale and the next take releases it by its token.
      log.debug("spool {}: write of command {} lost: {}", tag, command.commandId(), result);
      return Optional.empty();
    }
    count("accepted", "NONE");
    return Optional.of(new CommandOutcome(accepted.events(), reply));
  }

  /**
   * Takes the spool's lock for the new occupation. The state just read says the spool is free (or
   * its occupation expires in this very decision), so a lock held under another token is stale: a
   * writer died between its lock and its state write. It is released by its exact token, never
   * blindly, and the take is tried again; the version fence still decides who wins.
   */
  private boolean acquire(String tag, Occupation taking) {
    Duration ttl = lockLifetime.of(taking);
    if (locks.acquire(tag, taking.occupationId(), ttl)) {
      return true;
    }
    Optional<UUID> holder = locks.holder(tag);
    if (holder.isPresent() && locks.release(tag, holder.get())) {
      registry.counter("zeues.lock.stale.released").increment();
      log.warn("spool {}: released stale lock {} the state does not know", tag, holder.get());
    }
    return locks.acquire(tag, taking.occupationId(), ttl);
  }

  /**
   * A command decided before. At the same record, its transaction did not commit (a crash or a
   * fenced zombie): publish its events again, with the same ids. At another record it is a client's
   * retry: answer the first reply and publish nothing.
   */
  private CommandOutcome repeat(RecordedCommand recorded, CommandSource source) {
    count("repeated", "NONE");
    if (recorded.source().equals(source)) {
      return new CommandOutcome(recorded.events(), recorded.reply());
    }
    return new CommandOutcome(List.of(), recorded.reply());
  }

  private void count(String outcome, String reason) {
    registry
        .counter("zeues.occupation.decisions", "outcome", outcome, "reason", reason)
        .increment();
  }
}
