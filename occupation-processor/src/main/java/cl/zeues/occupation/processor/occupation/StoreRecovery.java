package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.EventChain;
import cl.zeues.occupation.events.OccupationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store trustworthy per commands partition: when a partition is assigned, or a write
 * found the store missing what it had applied, the partition is checked before its next command is
 * decided, and rebuilt from {@code occupation.events} with the domain's own replay if the store
 * lost it. Until then nothing of that partition is decided (the caller runs this first, on the
 * listener thread that owns the partition).
 */
public final class StoreRecovery {

  private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);

  /** A rebuilt command's record position: unknown, so a redelivery is answered, not republished. */
  static final long UNKNOWN_OFFSET = -1;

  private final OccupationStore store;
  private final EventLog events;
  private final Clock clock;
  private final LockLifetime lockLifetime;
  private final RecordRetention retention;
  private final Set<Integer> unchecked = ConcurrentHashMap.newKeySet();
  private final Counter rebuilds;
  private final Timer rebuildTime;

  public StoreRecovery(
      OccupationStore store,
      EventLog events,
      Clock clock,
      Duration lockGrace,
      RecordRetention retention,
      MeterRegistry registry) {
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.lockLifetime = new LockLifetime(clock, lockGrace);
    this.retention = retention;
    this.rebuilds =
        Counter.builder("zeues.store.rebuilds")
            .description("Commands partitions rebuilt from the event log after the store lost them")
            .register(registry);
    this.rebuildTime =
        Timer.builder("zeues.store.rebuild.time")
            .description("Time to replay a commands partition's events into the store")
            .register(registry);
  }

  /** {@code partition} was assigned with {@code nextOffset} as its committed position. */
  public void assigned(int partition, long nextOffset) {
    store.expectApplied(partition, nextOffset - 1);
    unchecked.add(partition);
  }

  /** A write found the store missing what it had applied: check it before deciding again. */
  public void lost(int partition) {
    unchecked.add(partition);
  }

  /** Before deciding commands of {@code partition}: rebuilds it if the store lost it. */
  public void ensureCurrent(int partition) {
    if (!unchecked.contains(partition)) {
      return;
    }
    if (!store.holdsApplied(partition)) {
      rebuild(partition);
    }
    unchecked.remove(partition);
  }

  /** The commands of {@code partition} through {@code offset} are decided. */
  public void applied(int partition, long offset) {
    store.markApplied(partition, offset);
  }

  private void rebuild(int partition) {
    log.warn(
        "commands partition {}: the store lost state it had applied; rebuilding it from the event"
            + " log before deciding",
        partition);
    long started = System.nanoTime();
    Map<String, SpoolState> spools = new LinkedHashMap<>();
    // Only each spool's last record is hashed, once, at the end: the fold itself never hashes.
    Map<String, byte[]> lastRecords = new HashMap<>();
    Map<UUID, List<OccupationEvent>> recent = new LinkedHashMap<>();
    Instant now = clock.instant();
    Instant remembered = now.minus(retention.accepted());
    long read =
        events.replay(
            partition,
            (event, published) -> {
              spools.compute(
                  event.tagSpool(),
                  (tag, state) -> (state == null ? SpoolState.initial(tag) : state).evolve(event));
              lastRecords.put(event.tagSpool(), published);
              if (event.occurredAt().isAfter(remembered)) {
                recent.computeIfAbsent(event.commandId(), id -> new ArrayList<>()).add(event);
              }
            });
    List<RecordedCommand> commands = new ArrayList<>();
    spools.replaceAll((tag, state) -> state.chainedTo(EventChain.hashOf(lastRecords.get(tag))));
    recent.values().forEach(decided -> commands.add(recorded(partition, decided)));
    // Rejections only for as long as they are remembered, and no more of them than the store
    // keeps: rebuilding more would only have the store forget them again.
    Instant rejectedSince = now.minus(retention.rejected());
    List<RecordedCommand> rejected = new ArrayList<>();
    long rejections =
        events.rejections(
            partition,
            rejectedSince,
            reply -> {
              if (!reply.decidedAt().isBefore(rejectedSince)) {
                rejected.add(
                    new RecordedCommand(
                        reply, List.of(), new CommandSource(partition, UNKNOWN_OFFSET)));
              }
            });
    rejected.sort(Comparator.comparing(command -> command.reply().decidedAt()));
    commands.addAll(
        rejected.subList(Math.max(0, rejected.size() - retention.maxRejected()), rejected.size()));
    RebuiltPartition rebuilt =
        new RebuiltPartition(
            spools.values().stream()
                .map(
                    state ->
                        new RebuiltPartition.Spool(
                            state,
                            state.isOccupied()
                                ? lockLifetime.of(state.occupation())
                                : Duration.ZERO))
                .toList(),
            commands);
    store.restore(partition, rebuilt);
    long took = System.nanoTime() - started;
    rebuildTime.record(Duration.ofNanos(took));
    rebuilds.increment();
    log.warn(
        "commands partition {}: rebuilt {} spools ({} occupied) and {} recent commands from {}"
            + " events and {} rejections in {} ms",
        partition,
        rebuilt.spools().size(),
        rebuilt.occupied(),
        rebuilt.commands().size(),
        read,
        rejections,
        took / 1_000_000);
  }

  private static RecordedCommand recorded(int partition, List<OccupationEvent> decided) {
    OccupationEvent first = decided.getFirst();
    // The reply is a function of the events, so the rebuilt one reads as the original did.
    Decision.Accepted accepted = new Decision.Accepted(decided);
    CommandReply reply =
        new CommandReply.Accepted(
            first.commandId(),
            first.tagSpool(),
            accepted.message(),
            first.occurredAt(),
            accepted.resultingVersion(),
            decided.stream().map(OccupationEvent::eventId).toList(),
            accepted.estadoDetalle(),
            accepted.ciclo());
    return new RecordedCommand(reply, decided, new CommandSource(partition, UNKNOWN_OFFSET));
  }
}
