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
 * In-memory store, locks and catalog with the same contracts as the Redis and Kafka adapters, and a
 * journal of the calls made, so a test can check their order.
 */
final class InMemorySpools implements OccupationStore, SpoolLocks, SpoolCatalog {

  final Map<String, SpoolState> states = new HashMap<>();
  final Map<UUID, RecordedCommand> commands = new HashMap<>();
  final Map<String, UUID> locks = new HashMap<>();
  final Map<String, SpoolCatalogEntry> catalog = new HashMap<>();
  final List<String> journal = new ArrayList<>();

  /** Runs once before the next write, as a concurrent writer would. */
  Runnable beforeNextWrite = () -> {};

  @Override
  public StoredSpool load(String tag, UUID commandId) {
    journal.add("load " + tag);
    return new StoredSpool(
        states.getOrDefault(tag, SpoolState.initial(tag)), commands.get(commandId));
  }

  @Override
  public WriteResult write(
      String tag, long expectedVersion, SpoolState next, RecordedCommand record) {
    Runnable concurrent = beforeNextWrite;
    beforeNextWrite = () -> {};
    concurrent.run();
    journal.add("write " + tag + " v" + next.version());
    if (states.getOrDefault(tag, SpoolState.initial(tag)).version() != expectedVersion) {
      return WriteResult.VERSION_CONFLICT;
    }
    if (next.occupation() != null && !next.occupation().occupationId().equals(locks.get(tag))) {
      return WriteResult.LOCK_LOST;
    }
    states.put(tag, next);
    commands.put(record.reply().commandId(), record);
    return WriteResult.WRITTEN;
  }

  @Override
  public void recordRejection(String tag, RecordedCommand record) {
    journal.add("reject " + tag);
    commands.put(record.reply().commandId(), record);
  }

  @Override
  public boolean acquire(String tag, UUID token, Duration ttl) {
    journal.add("acquire " + tag);
    return locks.putIfAbsent(tag, token) == null || token.equals(locks.get(tag));
  }

  @Override
  public boolean release(String tag, UUID token) {
    journal.add("release " + tag);
    return locks.remove(tag, token);
  }

  @Override
  public boolean extend(String tag, UUID token, Duration ttl) {
    return token.equals(locks.get(tag));
  }

  @Override
  public Optional<UUID> holder(String tag) {
    return Optional.ofNullable(locks.get(tag));
  }

  @Override
  public Optional<SpoolCatalogEntry> find(String tag) {
    return Optional.ofNullable(catalog.get(tag));
  }
}
