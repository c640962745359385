package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.SpoolState;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where spool states and decided commands live between commands (Redis in production). The store
 * also remembers, per commands partition, through which command it has applied its effects, so a
 * store that lost data is noticed instead of decided upon: every write checks it and throws {@link
 * StoreLostException} when the store holds less than the processor knows was applied.
 */
public interface OccupationStore {

  /**
   * Reads the spool's state (with the record of the command that wrote it) and, if {@code
   * commandId} was decided before and is still remembered ({@link RecordRetention}), its recorded
   * outcome.
   */
  StoredSpool load(String tag, UUID commandId);

  /**
   * Writes {@code next} and the command's record only if the stored version is still {@code
   * expectedVersion} (the fencing token) and, when {@code next} is occupied, the spool's lock holds
   * that occupation's token. When {@code next} is free, the spool's lock goes in the same write:
   * past the version fence a lock on a free spool can only be stale.
   */
  WriteResult write(String tag, long expectedVersion, SpoolState next, RecordedCommand record);

  /**
   * {@link #write} for a decision that starts {@code next}'s occupation: the same write takes the
   * spool's lock for that occupation's token, for {@code lockTtl}, so a TOMAR costs a load and this
   * write. Past the version fence the stored state is the one decided on, so a lock it does not
   * know (held under another token) is stale and is replaced ({@link
   * WriteResult#WRITTEN_OVER_STALE_LOCK}). A write that loses the fence takes nothing.
   */
  WriteResult writeTakingLock(
      String tag, long expectedVersion, SpoolState next, RecordedCommand record, Duration lockTtl);

  /**
   * Records a rejected command's reply; changes no state. It is remembered for a shorter time than
   * an accepted one, and only the newest {@link RecordRetention#maxRejected()} are.
   */
  void recordRejection(String tag, RecordedCommand record);

  /**
   * From now on the store must hold the effects of every command of {@code partition} through
   * {@code offset} (set when the partition is assigned: everything before the committed position
   * was applied by someone).
   */
  void expectApplied(int partition, long offset);

  /** Whether the store still holds everything it is expected to hold for {@code partition}. */
  boolean holdsApplied(int partition);

  /**
   * Records that the commands of {@code partition} through {@code offset} are applied (at the end
   * of a batch, for commands that wrote nothing).
   *
   * @throws StoreLostException if the store has lost what it held
   */
  void markApplied(int partition, long offset);

  /**
   * Writes a partition rebuilt from the event log over whatever the store holds for its spools, and
   * marks it applied through the offset it is expected to hold.
   */
  void restore(int partition, RebuiltPartition rebuilt);

  /**
   * {@link #load} for several commands of different spools at once: a store that can sends the
   * reads together (Redis: one pipelined round trip for all). Results in the loads' order.
   */
  default List<StoredSpool> loadAll(List<Load> loads) {
    return loads.stream().map(load -> load(load.tag(), load.commandId())).toList();
  }

  /**
   * The changes of several decisions on different spools at once, applied in the list's order, each
   * checked exactly as its own method checks it ({@link #write}, {@link #writeTakingLock}, {@link
   * #recordRejection}, whose result reads {@link WriteResult#WRITTEN}); a store that can sends them
   * together (Redis: one pipelined round trip for all). Results in the changes' order.
   *
   * @throws StoreLostException if the store has lost what it held (the other changes may have been
   *     applied: the caller's transaction aborts and the batch is decided again)
   */
  default List<WriteResult> applyAll(List<Change> changes) {
    return changes.stream().map(this::apply).toList();
  }

  /** One change, by the method that makes it. */
  default WriteResult apply(Change change) {
    return switch (change) {
      case Change.Write(var tag, var version, var next, var record, var lockTtl) ->
          lockTtl == null
              ? write(tag, version, next, record)
              : writeTakingLock(tag, version, next, record, lockTtl);
      case Change.Rejection(var tag, var record) -> {
        recordRejection(tag, record);
        yield WriteResult.WRITTEN;
      }
    };
  }

  /** What {@link #load} reads: a spool and the command being decided on it. */
  record Load(String tag, UUID commandId) {}

  /** What a decision leaves for the store to make durable. */
  sealed interface Change {

    /** The spool changed. */
    String tag();

    /**
     * {@link #write}, or {@link #writeTakingLock} for {@code lockTtl} when the decision starts an
     * occupation.
     */
    record Write(
        String tag,
        long expectedVersion,
        SpoolState next,
        RecordedCommand record,
        @Nullable Duration lockTtl)
        implements Change {}

    /** {@link #recordRejection}. */
    record Rejection(String tag, RecordedCommand record) implements Change {}
  }

  /** The outcome of a fenced write. */
  enum WriteResult {
    WRITTEN,
    /**
     * Written; the lock it took was held under a token the state did not know (its writer died
     * between lock and state, or its occupation ends in this very decision), now replaced.
     */
    WRITTEN_OVER_STALE_LOCK,
    /** Someone else wrote the spool since it was loaded. */
    VERSION_CONFLICT,
    /** The lock no longer holds the token the write was made under. */
    LOCK_LOST;

    public boolean written() {
      return this == WRITTEN || this == WRITTEN_OVER_STALE_LOCK;
    }
  }
}
