package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * In-memory store (its locks included) and catalog with the same contracts as the Redis and Kafka
 * adapters, and a journal of the calls made, so a test can check their order.
 */
final class InMemorySpools implements OccupationStore, SpoolCatalog {

  final Map<String, SpoolState> states = new HashMap<>();
  final Map<UUID, RecordedCommand> commands = new HashMap<>();
  final Map<String, UUID> locks = new HashMap<>();

  /** Per spool, the record of the command whose decision wrote it (Redis's {@code source}). */
  final Map<String, CommandSource> writers = new HashMap<>();

  final Map<String, SpoolCatalogEntry> catalog = new HashMap<>();
  final List<String> journal = new ArrayList<>();

  /** Per commands partition, the offset the store says it applied through (Redis's marker). */
  final Map<Integer, Long> applied = new HashMap<>();

  /** Per commands partition, what this instance expects the store to hold. */
  final Map<Integer, Long> floors = new HashMap<>();

  /** Runs once before the next write, as a concurrent writer would. */
  Runnable beforeNextWrite = () -> {};

  @Override
  public StoredSpool load(String tag, UUID commandId) {
    journal.add("load " + tag);
    return new StoredSpool(
        states.getOrDefault(tag, SpoolState.initial(tag)),
        commands.get(commandId),
        writers.get(tag));
  }

  @Override
  public WriteResult write(
      String tag, long expectedVersion, SpoolState next, RecordedCommand record) {
    return write(tag, expectedVersion, next, record, false);
  }

  @Override
  public WriteResult writeTakingLock(
      String tag, long expectedVersion, SpoolState next, RecordedCommand record, Duration lockTtl) {
    return write(tag, expectedVersion, next, record, true);
  }

  private WriteResult write(
      String tag, long expectedVersion, SpoolState next, RecordedCommand record, boolean takes) {
    Runnable concurrent = beforeNextWrite;
    beforeNextWrite = () -> {};
    concurrent.run();
    journal.add("write " + tag + " v" + next.version() + (takes ? " taking the lock" : ""));
    checkApplied(record.source().partition());
    if (states.getOrDefault(tag, SpoolState.initial(tag)).version() != expectedVersion) {
      return WriteResult.VERSION_CONFLICT;
    }
    WriteResult written = WriteResult.WRITTEN;
    if (takes) {
      UUID token = next.occupation().occupationId();
      UUID held = locks.put(tag, token);
      if (held != null && !held.equals(token)) {
        written = WriteResult.WRITTEN_OVER_STALE_LOCK;
      }
    } else if (next.occupation() != null
        && !next.occupation().occupationId().equals(locks.get(tag))) {
      return WriteResult.LOCK_LOST;
    }
    states.put(tag, next);
    writers.put(tag, record.source());
    if (next.occupation() == null) {
      locks.remove(tag);
    }
    commands.put(record.reply().commandId(), record);
    advance(record.source());
    return written;
  }

  @Override
  public void recordRejection(String tag, RecordedCommand record) {
    journal.add("reject " + tag);
    checkApplied(record.source().partition());
    commands.put(record.reply().commandId(), record);
    advance(record.source());
  }

  @Override
  public void expectApplied(int partition, long offset) {
    floors.put(partition, offset);
  }

  @Override
  public boolean holdsApplied(int partition) {
    return applied.containsKey(partition) && applied.get(partition) >= floor(partition);
  }

  @Override
  public void markApplied(int partition, long offset) {
    checkApplied(partition);
    advance(new CommandSource(partition, offset));
  }

  @Override
  public void restore(int partition, RebuiltPartition rebuilt) {
    journal.add("restore " + partition);
    for (RebuiltPartition.Spool spool : rebuilt.spools()) {
      states.put(spool.state().tagSpool(), spool.state());
      writers.remove(spool.state().tagSpool());
      if (spool.state().isOccupied()) {
        locks.put(spool.state().tagSpool(), spool.state().occupation().occupationId());
      } else {
        locks.remove(spool.state().tagSpool());
      }
    }
    rebuilt.commands().forEach(command -> commands.put(command.reply().commandId(), command));
    applied.merge(partition, floor(partition), Math::max);
  }

  /** What FLUSHALL does to Redis. */
  void loseEverything() {
    states.clear();
    writers.clear();
    commands.clear();
    locks.clear();
    applied.clear();
  }

  private void checkApplied(int partition) {
    if (!holdsApplied(partition)) {
      throw new StoreLostException(partition, "lost partition " + partition);
    }
  }

  private void advance(CommandSource source) {
    applied.merge(source.partition(), source.offset(), Math::max);
    floors.merge(source.partition(), source.offset(), Math::max);
  }

  private long floor(int partition) {
    return floors.getOrDefault(partition, -1L);
  }

  @Override
  public Optional<SpoolCatalogEntry> find(String tag) {
    return Optional.ofNullable(catalog.get(tag));
  }
}
