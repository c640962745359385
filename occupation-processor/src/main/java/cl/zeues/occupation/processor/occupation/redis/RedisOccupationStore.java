package cl.zeues.occupation.processor.occupation.redis;

import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.processor.occupation.CommandSource;
import cl.zeues.occupation.processor.occupation.OccupationStore;
import cl.zeues.occupation.processor.occupation.RebuiltPartition;
import cl.zeues.occupation.processor.occupation.RecordRetention;
import cl.zeues.occupation.processor.occupation.RecordedCommand;
import cl.zeues.occupation.processor.occupation.StoreLostException;
import cl.zeues.occupation.processor.occupation.StoredSpool;
import cl.zeues.occupation.processor.occupation.redis.RedisLockService.Step;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Spool states and decided commands in Redis ({@link StoreLayout}). A write is one Lua script:
 * applied-offset check (has Redis lost anything?), version check (the fencing token), the lock's
 * step ({@link RedisLockService#LOCK_STEP}: a TOMAR takes the lock here), then state, status
 * fields, the command's record, the applied offset and the lease index, all or nothing. Scripts
 * take their arguments by name ({@link ScriptArgs}).
 *
 * <p>What Redis holds is bounded by design ({@link RecordRetention}): spools and their locks (the
 * catalog's size), accepted commands' records for {@code accepted}, and rejected commands' records
 * for {@code rejected} and at most {@code maxRejected} of them, indexed by {@link #REJECTED} so
 * that recording one more forgets the oldest. Only command records expire; nothing is left for
 * Redis to evict, so it runs {@code noeviction} with a {@code maxmemory} sized from these bounds
 * (docker/README.md).
 */
public final class RedisOccupationStore implements OccupationStore {

  /**
   * Sorted set of the rejected commands' record keys, scored by when Redis recorded them (epoch
   * microseconds, Redis's own clock). Not in {@link StoreLayout}: only this store reads or writes
   * it.
   */
  static final String REJECTED = "zeues:rejected";

  /**
   * Lua for the scripts that record a rejection: {@code remember_rejection(index, command)} gives
   * the command's record the rejected retention ({@code A.rejected_ttl}, millis), indexes it by
   * Redis's own clock, drops index entries older than the retention (their records expired), and
   * deletes the oldest records past {@code A.max_rejected}.
   */
  static final String REJECTION_STEP =
      """
      local function remember_rejection(index, command)
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
        redis.call('PEXPIRE', command, A.rejected_ttl)
        redis.call('ZREMRANGEBYSCORE', index, '-inf', now - 1000 * tonumber(A.rejected_ttl))
        redis.call('ZADD', index, now, command)
        local excess = redis.call('ZCARD', index) - tonumber(A.max_rejected)
        if excess > 0 then
          local oldest = redis.call('ZPOPMIN', index, excess)
          for i = 1, #oldest, 2 do redis.call('DEL', oldest[i]) end
        end
      end
      """;

  /**
   * KEYS: spool, command. The state and the record of the command that last wrote it, then the
   * command's own record; '' where missing.
   */
  static final LuaScript LOAD =
      new LuaScript(
          ScriptArgs.PROLOGUE
              + """
              local spool, command = KEYS[1], KEYS[2]
              local state = redis.call('HMGET', spool, F.state, F.source)
              local cmd = redis.call('HMGET', command, F.reply, F.events, F.source)
              return {state[1] or '', state[2] or '', cmd[1] or '', cmd[2] or '', cmd[3] or ''}
              """,
          ScriptOutputType.MULTI);

  /**
   * KEYS: spool, lock, command, applied, leases. A: expected_version, floor (the applied offset
   * Redis must hold), offset (this command's), retention (seconds), tag, lease_end (epoch millis;
   * absent when the spool ends free), and the groups spool (status fields), command (its record),
   * lock (a {@link RedisLockService.Step}). One round trip for the whole decision, the lock
   * included.
   */
  static final LuaScript WRITE =
      new LuaScript(
          ScriptArgs.PROLOGUE
              + RedisLockService.LOCK_STEP
              + """
              local spool, lock, command, applied_key, leases = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
              local applied = redis.call('GET', applied_key)
              if not applied or tonumber(applied) < tonumber(A.floor) then return 'STORE_LOST' end
              local current = tonumber(redis.call('HGET', spool, F.version) or '0')
              if current ~= tonumber(A.expected_version) then return 'VERSION_CONFLICT' end
              local locked = lock_step(lock)
              if locked == 'LOCK_LOST' then return locked end
              hset(spool, A.spool)
              hset(command, A.command)
              redis.call('EXPIRE', command, A.retention)
              if tonumber(A.offset) > tonumber(applied) then redis.call('SET', applied_key, A.offset) end
              if A.lease_end then
                redis.call('ZADD', leases, A.lease_end, A.tag)
              else
                redis.call('ZREM', leases, A.tag)
              end
              if locked == 'STALE' then return 'WRITTEN_OVER_STALE_LOCK' end
              return 'WRITTEN'
              """,
          ScriptOutputType.STATUS);

  /**
   * KEYS: command, applied, rejected index. A: floor, offset, rejected_ttl, max_rejected, and the
   * group command (its record).
   */
  static final LuaScript RECORD =
      new LuaScript(
          ScriptArgs.PROLOGUE
              + REJECTION_STEP
              + """
              local command, applied_key, index = KEYS[1], KEYS[2], KEYS[3]
              local applied = redis.call('GET', applied_key)
              if not applied or tonumber(applied) < tonumber(A.floor) then return 'STORE_LOST' end
              hset(command, A.command)
              remember_rejection(index, command)
              if tonumber(A.offset) > tonumber(applied) then redis.call('SET', applied_key, A.offset) end
              return 'OK'
              """,
          ScriptOutputType.STATUS);

  /** KEYS: applied. A: floor, offset. */
  static final LuaScript MARK =
      new LuaScript(
          ScriptArgs.PROLOGUE
              + """
              local applied = redis.call('GET', KEYS[1])
              if not applied or tonumber(applied) < tonumber(A.floor) then return 'STORE_LOST' end
              if tonumber(A.offset) > tonumber(applied) then redis.call('SET', KEYS[1], A.offset) end
              return 'OK'
              """,
          ScriptOutputType.STATUS);

  /**
   * Lua for the rebuild's scripts: {@code restore_commands(index, from)} writes the command records
   * {@code KEYS[from..]} from the groups command1, command2, ..., each kept for {@code A.retention}
   * (seconds) unless {@code rejected<n>} marks it a rejection ({@link #REJECTION_STEP}).
   */
  static final String RESTORE_COMMANDS_STEP =
      """
      local function restore_commands(index, from)
        for i = from, #KEYS do
          local n = i - from + 1
          hset(KEYS[i], A['command' .. n])
          if A['rejected' .. n] then
            remember_rejection(index, KEYS[i])
          else
            redis.call('EXPIRE', KEYS[i], A.retention)
          end
        end
      end
      """;

  /**
   * One rebuilt spool. KEYS: spool, lock, leases, rejected index, then its commands. A: tag,
   * lease_end (absent when free), retention, rejected_ttl, max_rejected, and the groups spool, lock
   * and those of {@link #RESTORE_COMMANDS_STEP}.
   */
  static final LuaScript RESTORE =
      new LuaScript(
          ScriptArgs.PROLOGUE
              + RedisLockService.LOCK_STEP
              + REJECTION_STEP
              + RESTORE_COMMANDS_STEP
              + """
              local spool, lock, leases = KEYS[1], KEYS[2], KEYS[3]
              hset(spool, A.spool)
              lock_step(lock)
              if A.lease_end then
                redis.call('ZADD', leases, A.lease_end, A.tag)
              else
                redis.call('ZREM', leases, A.tag)
              end
              restore_commands(KEYS[4], 5)
              return 'OK'
              """,
          ScriptOutputType.STATUS);

  /**
   * The rebuilt commands of a tag that has no events (only rejections, e.g. a tag not in the
   * catalog). KEYS: rejected index, then its commands. A: as {@link #RESTORE_COMMANDS_STEP}.
   */
  static final LuaScript RESTORE_COMMANDS =
      new LuaScript(
          ScriptArgs.PROLOGUE
              + REJECTION_STEP
              + RESTORE_COMMANDS_STEP
              + """
              restore_commands(KEYS[1], 2)
              return 'OK'
              """,
          ScriptOutputType.STATUS);

  /** KEYS: applied. A: offset. Never lowers what another instance marked. */
  static final LuaScript RESTORED =
      new LuaScript(
          ScriptArgs.PROLOGUE
              + """
              local applied = redis.call('GET', KEYS[1])
              if not applied or tonumber(applied) < tonumber(A.offset) then
                redis.call('SET', KEYS[1], A.offset)
              end
              return 'OK'
              """,
          ScriptOutputType.STATUS);

  private static final String STORE_LOST = "STORE_LOST";

  private final RedisCommands<String, String> redis;
  private final StatefulRedisConnection<String, String> connection;
  private final JsonCodec codec;
  private final RecordRetention retention;

  /**
   * Per commands partition, the offset through which Redis must hold this instance's view: the
   * committed position at assignment, then every offset this instance applied.
   */
  private final Map<Integer, Long> floors = new ConcurrentHashMap<>();

  public RedisOccupationStore(
      RedisCommands<String, String> redis, JsonCodec codec, RecordRetention retention) {
    this.redis = redis;
    this.connection = redis.getStatefulConnection();
    this.codec = codec;
    this.retention = retention;
  }

  @Override
  public StoredSpool load(String tag, UUID commandId) {
    return stored(
        tag,
        RedisCalls.call("load" + " spool " + tag, () -> LOAD.run(redis, loadCall(tag, commandId))));
  }

  @Override
  public List<StoredSpool> loadAll(List<Load> loads) {
    List<LuaScript.Sent<List<String>>> sent =
        RedisCalls.call(
            "load " + loads.size() + " spools",
            () ->
                loads.stream()
                    .map(load -> LOAD.<List<String>>send(connection, loadCall(load)))
                    .toList());
    List<StoredSpool> stored = new ArrayList<>(loads.size());
    for (int i = 0; i < loads.size(); i++) {
      String tag = loads.get(i).tag();
      stored.add(stored(tag, RedisCalls.call("load spool " + tag, sent.get(i)::await)));
    }
    return stored;
  }

  private static ScriptArgs loadCall(Load load) {
    return loadCall(load.tag(), load.commandId());
  }

  private static ScriptArgs loadCall(String tag, UUID commandId) {
    return new ScriptArgs()
        .key(StoreLayout.spoolKey(tag))
        .key(StoreLayout.commandKey(tag, commandId));
  }

  /** What {@link #LOAD} answered. */
  private StoredSpool stored(String tag, List<String> found) {
    String state = found.get(0);
    String writer = found.get(1);
    String reply = found.get(2);
    SpoolState spool =
        state.isEmpty() ? SpoolState.initial(tag) : codec.read(state, SpoolState.class);
    CommandSource lastWrite = writer.isEmpty() ? null : CommandSource.parse(writer);
    if (reply.isEmpty()) {
      return new StoredSpool(spool, null, lastWrite);
    }
    RecordedCommand recorded =
        new RecordedCommand(
            codec.read(reply, CommandReply.class),
            Arrays.asList(codec.read(found.get(3), OccupationEvent[].class)),
            CommandSource.parse(found.get(4)));
    return new StoredSpool(spool, recorded, lastWrite);
  }

  @Override
  public WriteResult write(
      String tag, long expectedVersion, SpoolState next, RecordedCommand record) {
    return write(tag, expectedVersion, next, record, Step.following(next.occupation()));
  }

  @Override
  public WriteResult writeTakingLock(
      String tag, long expectedVersion, SpoolState next, RecordedCommand record, Duration lockTtl) {
    return write(
        tag, expectedVersion, next, record, Step.take(occupied(tag, next).occupationId(), lockTtl));
  }

  private static Occupation occupied(String tag, SpoolState next) {
    Occupation occupation = next.occupation();
    if (occupation == null) {
      throw new IllegalArgumentException("spool " + tag + ": a free state takes no lock");
    }
    return occupation;
  }

  private WriteResult write(
      String tag, long expectedVersion, SpoolState next, RecordedCommand record, Step lock) {
    CommandSource source = record.source();
    long floor = floor(source.partition());
    String result =
        RedisCalls.call(
            "write" + " spool " + tag,
            () -> WRITE.run(redis, writeCall(tag, expectedVersion, next, record, lock, floor)));
    return written(tag, source, floor, result);
  }

  @Override
  public void recordRejection(String tag, RecordedCommand record) {
    CommandSource source = record.source();
    long floor = floor(source.partition());
    String result =
        RedisCalls.call(
            "record" + " spool " + tag, () -> RECORD.run(redis, recordCall(tag, record, floor)));
    recorded(tag, source, floor, result);
  }

  /**
   * Every change is sent before any answer is awaited, each checked against the applied offset its
   * partition had before the first (what one by one would check it against is at least that, and a
   * store that lost data fails both checks alike), then the answers are read in order.
   */
  @Override
  public List<WriteResult> applyAll(List<Change> changes) {
    Map<Integer, Long> before = new HashMap<>();
    changes.forEach(
        change -> {
          int partition = source(change).partition();
          before.computeIfAbsent(partition, this::floor);
        });
    List<LuaScript.Sent<String>> sent =
        RedisCalls.call(
            "write " + changes.size() + " spools",
            () ->
                changes.stream()
                    .map(change -> send(change, before.get(source(change).partition())))
                    .toList());
    List<WriteResult> results = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      CommandSource source = source(change);
      long floor = before.get(source.partition());
      String result = RedisCalls.call("write spool " + change.tag(), sent.get(i)::await);
      results.add(
          switch (change) {
            case Change.Write w -> written(w.tag(), source, floor, result);
            case Change.Rejection r -> {
              recorded(r.tag(), source, floor, result);
              yield WriteResult.WRITTEN;
            }
          });
    }
    return results;
  }

  private LuaScript.Sent<String> send(Change change, long floor) {
    return switch (change) {
      case Change.Write(var tag, var version, var next, var record, var lockTtl) -> {
        Step lock;
        if (lockTtl == null) {
          lock = Step.following(next.occupation());
        } else {
          lock = Step.take(occupied(tag, next).occupationId(), lockTtl);
        }
        yield WRITE.send(connection, writeCall(tag, version, next, record, lock, floor));
      }
      case Change.Rejection(var tag, var record) ->
          RECORD.send(connection, recordCall(tag, record, floor));
    };
  }

  private static CommandSource source(Change change) {
    return switch (change) {
      case Change.Write w -> w.record().source();
      case Change.Rejection r -> r.record().source();
    };
  }

  private ScriptArgs writeCall(
      String tag,
      long expectedVersion,
      SpoolState next,
      RecordedCommand record,
      Step lock,
      long floor) {
    CommandSource source = record.source();
    ScriptArgs call =
        new ScriptArgs()
            .key(StoreLayout.spoolKey(tag))
            .key(StoreLayout.lockKey(tag))
            .key(StoreLayout.commandKey(tag, record.reply().commandId()))
            .key(StoreLayout.appliedKey(source.partition()))
            .key(StoreLayout.LEASES)
            .arg("expected_version", expectedVersion)
            .arg("floor", floor)
            .arg("offset", source.offset())
            .arg("retention", retentionSeconds())
            .arg("tag", tag)
            .group("spool", spoolFields(next, source.toString()))
            .group("command", recordFields(record));
    leaseEnd(call, next);
    lock.addTo(call);
    return call;
  }

  /** What {@link #WRITE} answered; a written decision advances its partition's floor. */
  private WriteResult written(String tag, CommandSource source, long floor, String result) {
    if (STORE_LOST.equals(result)) {
      throw lost(source.partition(), floor, "writing spool " + tag);
    }
    WriteResult written = WriteResult.valueOf(result);
    if (written.written()) {
      advance(source);
    }
    return written;
  }

  private ScriptArgs recordCall(String tag, RecordedCommand record, long floor) {
    CommandSource source = record.source();
    return new ScriptArgs()
        .key(StoreLayout.commandKey(tag, record.reply().commandId()))
        .key(StoreLayout.appliedKey(source.partition()))
        .key(REJECTED)
        .arg("floor", floor)
        .arg("offset", source.offset())
        .arg("rejected_ttl", retention.rejected().toMillis())
        .arg("max_rejected", retention.maxRejected())
        .group("command", recordFields(record));
  }

  /** What {@link #RECORD} answered. */
  private void recorded(String tag, CommandSource source, long floor, String result) {
    if (STORE_LOST.equals(result)) {
      throw lost(source.partition(), floor, "recording a rejection on spool " + tag);
    }
    advance(source);
  }

  @Override
  public void expectApplied(int partition, long offset) {
    floors.put(partition, offset);
  }

  @Override
  public boolean holdsApplied(int partition) {
    String applied =
        RedisCalls.call(
            "read the applied offset of partition " + partition,
            () -> redis.get(StoreLayout.appliedKey(partition)));
    return applied != null && Long.parseLong(applied) >= floor(partition);
  }

  @Override
  public void markApplied(int partition, long offset) {
    long floor = floor(partition);
    if (floor >= offset) {
      return; // a write of this batch already marked it
    }
    String result =
        RedisCalls.call(
            "mark partition " + partition + " applied",
            () ->
                MARK.run(
                    redis,
                    new ScriptArgs()
                        .key(StoreLayout.appliedKey(partition))
                        .arg("floor", floor)
                        .arg("offset", offset)));
    if (STORE_LOST.equals(result)) {
      throw lost(partition, floor, "marking the batch applied");
    }
    floors.put(partition, offset);
  }

  @Override
  public void restore(int partition, RebuiltPartition rebuilt) {
    Map<String, List<RecordedCommand>> commandsBySpool =
        rebuilt.commands().stream()
            .collect(
                Collectors.groupingBy(
                    command -> command.reply().tagSpool(), HashMap::new, Collectors.toList()));
    for (RebuiltPartition.Spool spool : rebuilt.spools()) {
      SpoolState state = spool.state();
      String tag = state.tagSpool();
      Occupation occupation = state.occupation();
      ScriptArgs call =
          new ScriptArgs()
              .key(StoreLayout.spoolKey(tag))
              .key(StoreLayout.lockKey(tag))
              .key(StoreLayout.LEASES)
              .key(REJECTED)
              .arg("tag", tag)
              .group("spool", spoolFields(state, ""));
      leaseEnd(call, state);
      (occupation == null ? Step.drop() : Step.take(occupation.occupationId(), spool.lockTtl()))
          .addTo(call);
      addCommands(call, tag, commandsBySpool.remove(tag));
      RedisCalls.call("restore spool " + tag, () -> RESTORE.run(redis, call));
    }
    // Tags without events: only rejections (a tag not in the catalog, a TOMAR refused for a
    // missing prerequisite) are remembered for them.
    commandsBySpool.forEach(
        (tag, commands) -> {
          ScriptArgs call = new ScriptArgs().key(REJECTED);
          addCommands(call, tag, commands);
          RedisCalls.call(
              "restore the commands of spool " + tag, () -> RESTORE_COMMANDS.run(redis, call));
        });
    long floor = floor(partition);
    RedisCalls.call(
        "mark partition " + partition + " restored",
        () ->
            RESTORED.run(
                redis,
                new ScriptArgs().key(StoreLayout.appliedKey(partition)).arg("offset", floor)));
  }

  /** A rebuild script's command keys and groups ({@link #RESTORE_COMMANDS_STEP}). */
  private void addCommands(ScriptArgs call, String tag, @Nullable List<RecordedCommand> commands) {
    call.arg("retention", retentionSeconds())
        .arg("rejected_ttl", retention.rejected().toMillis())
        .arg("max_rejected", retention.maxRejected());
    int n = 0;
    for (RecordedCommand command : commands == null ? List.<RecordedCommand>of() : commands) {
      call.key(StoreLayout.commandKey(tag, command.reply().commandId()))
          .group("command" + ++n, recordFields(command));
      if (command.reply() instanceof CommandReply.Rejected) {
        call.arg("rejected" + n, true);
      }
    }
  }

  /**
   * The spool hash's fields, by their {@link StoreLayout} names, and {@code source}: the record of
   * the command that wrote it ('' after a rebuild, which writes only what the log committed).
   */
  private Map<String, String> spoolFields(SpoolState state, String writer) {
    Occupation occupation = state.occupation();
    return Map.of(
        StoreLayout.F_SOURCE,
        writer,
        StoreLayout.F_VERSION,
        String.valueOf(state.version()),
        StoreLayout.F_STATE,
        codec.writeString(state),
        StoreLayout.F_OCCUPATION_ID,
        occupation == null ? "" : occupation.occupationId().toString(),
        StoreLayout.F_OCUPADO_POR,
        occupation == null ? "" : occupation.worker().token(),
        StoreLayout.F_OPERACION,
        occupation == null ? "" : occupation.operacion().name(),
        StoreLayout.F_FECHA_OCUPACION,
        occupation == null ? "" : occupation.since().toString(),
        StoreLayout.F_LEASE_UNTIL,
        occupation == null ? "" : occupation.leaseUntil().toString());
  }

  /** A command record's fields, by their {@link StoreLayout} names. */
  private Map<String, String> recordFields(RecordedCommand record) {
    return Map.of(
        StoreLayout.F_REPLY,
        codec.writeString(record.reply()),
        StoreLayout.F_EVENTS,
        codec.writeString(record.events().toArray(OccupationEvent[]::new)),
        StoreLayout.F_SOURCE,
        record.source().toString());
  }

  /** The lease index entry: the lease's end while occupied, none when free. */
  private static void leaseEnd(ScriptArgs call, SpoolState state) {
    Occupation occupation = state.occupation();
    if (occupation != null) {
      call.arg("lease_end", occupation.leaseUntil().toEpochMilli());
    }
  }

  private String retentionSeconds() {
    return String.valueOf(Math.max(1, retention.accepted().toSeconds()));
  }

  private long floor(int partition) {
    return floors.getOrDefault(partition, -1L);
  }

  private void advance(CommandSource source) {
    floors.merge(source.partition(), source.offset(), Math::max);
  }

  private static StoreLostException lost(int partition, long floor, String action) {
    return new StoreLostException(
        partition,
        "Redis no longer holds commands partition "
            + partition
            + " through offset "
            + floor
            + " (restarted empty, flushed or failed over?) while "
            + action
            + "; it is rebuilt from the event log before anything more is decided");
  }
}
