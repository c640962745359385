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
import cl.zeues.occupation.events.TimingHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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

  /**
   * {@link #handle} for a poll's commands, with the store's round trips shared: the commands go in
   * waves, the first command of each spool, then the second of each, ...; a wave's spools are
   * loaded together, decided one by one, and their changes written together. A spool's commands are
   * thus decided in order, each on the state its predecessor left, as one by one; a write that
   * loses its fence goes the way of {@link #handle} (retried on fresh state) before the next wave.
   *
   * @return per command, in the requests' order, its outcome or why it cannot be decided
   */
  public List<Handled> handleAll(List<Request> requests) {
    Handled[] handled = new Handled[requests.size()];
    for (List<Integer> wave : waves(requests)) {
      handleWave(requests, wave, handled);
    }
    return Arrays.asList(handled);
  }

  /** A command and where its record sits. */
  public record Request(OccupationCommand command, CommandSource source) {}

  /**
   * How a command of {@link #handleAll} ended: decided ({@code outcome}), or {@code forgotten}; and
   * when (epoch microseconds) its spool was loaded, the decider decided and the store wrote.
   */
  public record Handled(
      @Nullable CommandOutcome outcome,
      @Nullable ForgottenCommandException forgotten,
      long loadedAt,
      long decidedAt,
      long writtenAt) {}

  /** Indexes of the requests, the n-th wave holding the n-th command of each spool. */
  private static List<List<Integer>> waves(List<Request> requests) {
    Map<String, Integer> perSpool = new HashMap<>();
    List<List<Integer>> waves = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      int n = perSpool.merge(requests.get(i).command().tagSpool(), 1, Integer::sum) - 1;
      if (waves.size() == n) {
        waves.add(new ArrayList<>());
      }
      waves.get(n).add(i);
    }
    return waves;
  }

  private void handleWave(List<Request> requests, List<Integer> wave, Handled[] handled) {
    List<StoredSpool> stored =
        store.loadAll(
            wave.stream()
                .map(requests::get)
                .map(r -> new OccupationStore.Load(r.command().tagSpool(), r.command().commandId()))
                .toList());
    long loadedAt = TimingHeaders.now();
    List<@Nullable Plan> plans = new ArrayList<>(wave.size());
    for (int k = 0; k < wave.size(); k++) {
      Request request = requests.get(wave.get(k));
      try {
        plans.add(plan(request.command(), request.source(), stored.get(k)));
      } catch (ForgottenCommandException e) {
        plans.add(null);
        long at = TimingHeaders.now();
        handled[wave.get(k)] = new Handled(null, e, loadedAt, at, at);
      }
    }
    long decidedAt = TimingHeaders.now();
    List<OccupationStore.Change> changes = new ArrayList<>(wave.size());
    plans.forEach(
        plan -> {
          if (plan != null && plan.change() != null) {
            changes.add(plan.change());
          }
        });
    Iterator<OccupationStore.WriteResult> results = store.applyAll(changes).iterator();
    long writtenAt = TimingHeaders.now();
    for (int k = 0; k < wave.size(); k++) {
      Plan plan = plans.get(k);
      if (plan == null) {
        continue;
      }
      Optional<CommandOutcome> first = finish(plan, plan.change() == null ? null : results.next());
      Request request = requests.get(wave.get(k));
      CommandOutcome outcome =
          conflicts.run(
              request.command().tagSpool(),
              first,
              () -> attempt(request.command(), request.source()));
      long at = first.isPresent() ? writtenAt : TimingHeaders.now();
      handled[wave.get(k)] = new Handled(outcome, null, loadedAt, decidedAt, at);
    }
  }

  /**
   * What deciding a command on the stored state leaves to do: a change for the store (none for a
   * command decided before), and the outcome once it is made.
   */
  private record Plan(
      OccupationStore.@Nullable Change change,
      CommandOutcome outcome,
      String counted,
      String reason) {}

  private Optional<CommandOutcome> attempt(OccupationCommand command, CommandSource source) {
    Plan plan = plan(command, source, store.load(command.tagSpool(), command.commandId()));
    return finish(plan, plan.change() == null ? null : store.apply(plan.change()));
  }

  private Plan plan(OccupationCommand command, CommandSource source, StoredSpool stored) {
    String tag = command.tagSpool();
    RecordedCommand recorded = stored.recorded();
    if (recorded != null) {
      return new Plan(null, repeat(recorded, source), "repeated", "NONE");
    }
    SpoolState state = stored.state();
    Instant now = clock.instant();
    Decision decision = decider.decide(state, command, catalog.find(tag).orElse(null), now);
    return switch (decision) {
      case Decision.Rejected r -> {
        CommandReply reply =
            new CommandReply.Rejected(
                command.commandId(), tag, r.message(), now, r.reason(), r.ocupadoPor());
        yield new Plan(
            new OccupationStore.Change.Rejection(
                tag, new RecordedCommand(reply, List.of(), source)),
            new CommandOutcome(List.of(), reply),
            "rejected",
            r.reason().name());
      }
      case Decision.Accepted a -> {
        if (stored.writtenAfter(source)) {
          throw new ForgottenCommandException(tag, command.commandId(), source);
        }
        yield write(command, source, state, a, now);
      }
    };
  }

  private Plan write(
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
    return new Plan(
        new OccupationStore.Change.Write(
            tag, state.version(), next, record, takes ? lockLifetime.of(after) : null),
        new CommandOutcome(accepted.events(), reply),
        "accepted",
        "NONE");
  }

  /** The plan's outcome once its change (if any) is made; empty when its write lost the fence. */
  private Optional<CommandOutcome> finish(Plan plan, OccupationStore.@Nullable WriteResult result) {
    if (plan.change() instanceof OccupationStore.Change.Write write && result != null) {
      if (result == OccupationStore.WriteResult.WRITTEN_OVER_STALE_LOCK) {
        registry.counter("zeues.lock.stale.released").increment();
        log.warn("spool {}: replaced a stale lock the state does not know", write.tag());
      }
      if (!result.written()) {
        // A losing write changed nothing, its lock included: the winner may be a zombie that
        // wrote this very decision (same command, same token), or something else; the retry
        // decides again.
        log.debug(
            "spool {}: write of command {} lost: {}",
            write.tag(),
            plan.outcome().reply().commandId(),
            result);
        return Optional.empty();
      }
    }
    count(plan.counted(), plan.reason());
    return Optional.of(plan.outcome());
  }

  /**
   * A command decided before. At the same record, its transaction did not commit (a crash or a
   * fenced zombie): publish its events again, with the same ids. At another record it is a client's
   * retry: answer the first reply and publish nothing.
   */
  private CommandOutcome repeat(RecordedCommand recorded, CommandSource source) {
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
