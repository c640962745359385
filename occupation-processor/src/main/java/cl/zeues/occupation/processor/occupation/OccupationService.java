package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.EventChain;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
  private final SpoolCatalog catalog;
  private final ConflictService conflicts;
  private final Clock clock;
  private final LockLifetime lockLifetime;
  private final MeterRegistry registry;
  private final EventChain chain = new EventChain(new JsonCodec());

  /**
   * @param lockTtl how long a lock outlives its lease if nobody releases it: a backstop only, the
   *     lease's end is decided explicitly by the sweeper as an event
   */
  public OccupationService(
      OccupationDecider decider,
      OccupationStore store,
      SpoolCatalog catalog,
      ConflictService conflicts,
      Clock clock,
      Duration lockTtl,
      MeterRegistry registry) {
    this.decider = decider;
    this.store = store;
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
      case Decision.Accepted a -> {
        if (stored.writtenAfter(source)) {
          throw new ForgottenCommandException(tag, command.commandId(), source);
        }
        yield write(command, source, state, a, now);
      }
    };
  }

  private Optional<CommandOutcome> write(
      OccupationCommand command,
      CommandSource source,
      SpoolState state,
      Decision.Accepted decided,
      Instant now) {
    String tag = command.tagSpool();
    EventChain.Sealed sealed = chain.seal(state.chainHead(), decided.events());
    Decision.Accepted accepted = new Decision.Accepted(sealed.events());
    SpoolState next = state;
    for (OccupationEvent event : accepted.events()) {
      next = next.evolve(event);
    }
    next = next.chainedTo(sealed.lastHash());
    Occupation before = state.occupation();
    Occupation after = next.occupation();
    boolean takes =
        after != null && (before == null || !before.occupationId().equals(after.occupationId()));
    CommandReply reply =
        new CommandReply.Accepted(
            command.commandId(),
            tag,
            accepted.message(),
            now,
            accepted.resultingVersion(),
            accepted.events().stream().map(OccupationEvent::eventId).toList(),
            accepted.estadoDetalle(),
            accepted.ciclo());
    RecordedCommand record = new RecordedCommand(reply, accepted.events(), source);
    OccupationStore.WriteResult result =
        takes
            ? store.writeTakingLock(tag, state.version(), next, record, lockLifetime.of(after))
            : store.write(tag, state.version(), next, record);
    if (result == OccupationStore.WriteResult.WRITTEN_OVER_STALE_LOCK) {
      registry.counter("zeues.lock.stale.released").increment();
      log.warn("spool {}: replaced a stale lock the state does not know", tag);
    }
    if (!result.written()) {
      // A losing write changed nothing, its lock included: the winner may be a zombie that wrote
      // this very decision (same command, same token), or something else; the retry decides again.
      log.debug("spool {}: write of command {} lost: {}", tag, command.commandId(), result);
      return Optional.empty();
    }
    count("accepted", "NONE");
    return Optional.of(new CommandOutcome(accepted.events(), reply));
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
