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
import cl.zeues.occupation.processor.occupation.RecordedCommand;
import cl.zeues.occupation.processor.occupation.StoreLostException;
import cl.zeues.occupation.processor.occupation.StoredSpool;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Spool states and decided commands in Redis ({@link StoreLayout}). A write is one Lua script:
 * applied-offset check (has Redis lost anything?), version check (the fencing token), lock-token
 * check, then state, status fields, the command's record and the applied offset, all or nothing.
 */
public final class RedisOccupationStore implements OccupationStore {

  static final LuaScript LOAD =
      new LuaScript(
          """
          local state = redis.call('HGET', KEYS[1], 'state')
          local cmd = redis.call('HMGET', KEYS[2], 'reply', 'events', 'source')
          return {state or '', cmd[1] or '', cmd[2] or '', cmd[3] or ''}
          """,
          ScriptOutputType.MULTI);

  /**
   * KEYS: spool, lock, command, applied, leases. ARGV: expected version, the 7 status fields
   * ({@link #statusFields}), reply, events, source, retention seconds, applied floor, this offset,
   * tag, lease end millis ('' when the spool ends free). One round trip for the whole decision
   * after the lock is taken: a spool left free loses its lock here too (past the version fence any
   * lock on a free spool is stale), and the lease index follows the state.
   */
  static final LuaScript WRITE =
      new LuaScript(
          """
          local applied = redis.call('GET', KEYS[4])
          if not applied or tonumber(applied) < tonumber(ARGV[13]) then return 'STORE_LOST' end
          local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
          if current ~= tonumber(ARGV[1]) then return 'VERSION_CONFLICT' end
          if ARGV[4] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[4] then return 'LOCK_LOST' end
          redis.call('HSET', KEYS[1], 'version', ARGV[2], 'state', ARGV[3],
            'occupation_id', ARGV[4], 'ocupado_por', ARGV[5], 'operacion', ARGV[6],
            'fecha_ocupacion', ARGV[7], 'lease_until', ARGV[8])
          redis.call('HSET', KEYS[3], 'reply', ARGV[9], 'events', ARGV[10], 'source', ARGV[11])
          redis.call('EXPIRE', KEYS[3], ARGV[12])
          if tonumber(ARGV[14]) > tonumber(applied) then redis.call('SET', KEYS[4], ARGV[14]) end
          if ARGV[16] == '' then
            redis.call('DEL', KEYS[2])
            redis.call('ZREM', KEYS[5], ARGV[15])
          else
            redis.call('ZADD', KEYS[5], ARGV[16], ARGV[15])
          end
          return 'WRITTEN'
          """,
          ScriptOutputType.STATUS);

  /** KEYS: command, applied. ARGV: reply, source, retention seconds, applied floor, offset. */
  static final LuaScript RECORD =
      new LuaScript(
          """
          local applied = redis.call('GET', KEYS[2])
          if not applied or tonumber(applied) < tonumber(ARGV[4]) then return 'STORE_LOST' end
          redis.call('HSET', KEYS[1], 'reply', ARGV[1], 'events', '[]', 'source', ARGV[2])
          redis.call('EXPIRE', KEYS[1], ARGV[3])
          if tonumber(ARGV[5]) > tonumber(applied) then redis.call('SET', KEYS[2], ARGV[5]) end
          return 'OK'
          """,
          ScriptOutputType.STATUS);

  /** KEYS: applied. ARGV: applied floor, offset. */
  static final LuaScript MARK =
      new LuaScript(
          """
          local applied = redis.call('GET', KEYS[1])
          if not applied or tonumber(applied) < tonumber(ARGV[1]) then return 'STORE_LOST' end
          if tonumber(ARGV[2]) > tonumber(applied) then redis.call('SET', KEYS[1], ARGV[2]) end
          return 'OK'
          """,
          ScriptOutputType.STATUS);

  /**
   * One rebuilt spool. KEYS: spool, lock, leases, then its commands. ARGV: the 7 status fields,
   * lock ttl millis, tag, lease end millis, retention seconds, then reply, events, source per
   * command.
   */
  static final LuaScript RESTORE =
      new LuaScript(
          """
          redis.call('HSET', KEYS[1], 'version', ARGV[1], 'state', ARGV[2],
            'occupation_id', ARGV[3], 'ocupado_por', ARGV[4], 'operacion', ARGV[5],
            'fecha_ocupacion', ARGV[6], 'lease_until', ARGV[7])
          if ARGV[3] == '' then
            redis.call('DEL', KEYS[2])
            redis.call('ZREM', KEYS[3], ARGV[9])
          else
            redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[8])
            redis.call('ZADD', KEYS[3], ARGV[10], ARGV[9])
          end
          for i = 4, #KEYS do
            local a = 12 + (i - 4) * 3
            redis.call('HSET', KEYS[i], 'reply', ARGV[a], 'events', ARGV[a + 1], 'source', ARGV[a + 2])
            redis.call('EXPIRE', KEYS[i], ARGV[11])
          end
          return 'OK'
          """,
          ScriptOutputType.STATUS);

  /** KEYS: applied. ARGV: offset. Never lowers what another instance marked. */
  static final LuaScript RESTORED =
      new LuaScript(
          """
          local applied = redis.call('GET', KEYS[1])
          if not applied or tonumber(applied) < tonumber(ARGV[1]) then
            redis.call('SET', KEYS[1], ARGV[1])
          end
          return 'OK'
          """,
          ScriptOutputType.STATUS);

  private static final String STORE_LOST = "STORE_LOST";

  private final RedisCommands<String, String> redis;
  private final JsonCodec codec;
  private final Duration commandRetention;

  /**
   * Per commands partition, the offset through which Redis must hold this instance's view: the
   * committed position at assignment, then every offset this instance applied.
   */
  private final Map<Integer, Long> floors = new ConcurrentHashMap<>();

  public RedisOccupationStore(
      RedisCommands<String, String> redis, JsonCodec codec, Duration commandRetention) {
    this.redis = redis;
    this.codec = codec;
    this.commandRetention = commandRetention;
  }

  @Override
  public StoredSpool load(String tag, UUID commandId) {
    List<String> found =
        RedisCalls.call(
            "load" + " spool " + tag,
            () ->
                LOAD.run(
                    redis,
                    new String[] {
                      StoreLayout.spoolKey(tag), StoreLayout.commandKey(tag, commandId)
                    }));
    String state = found.get(0);
    String reply = found.get(1);
    SpoolState spool =
        state.isEmpty() ? SpoolState.initial(tag) : codec.read(state, SpoolState.class);
    if (reply.isEmpty()) {
      return new StoredSpool(spool, null);
    }
    RecordedCommand recorded =
        new RecordedCommand(
            codec.read(reply, CommandReply.class),
            Arrays.asList(codec.read(found.get(2), OccupationEvent[].class)),
            CommandSource.parse(found.get(3)));
    return new StoredSpool(spool, recorded);
  }

  @Override
  public WriteResult write(
      String tag, long expectedVersion, SpoolState next, RecordedCommand record) {
    CommandSource source = record.source();
    long floor = floor(source.partition());
    List<String> args = new ArrayList<>();
    args.add(String.valueOf(expectedVersion));
    args.addAll(statusFields(next));
    args.addAll(recordFields(record));
    args.add(retentionSeconds());
    args.add(String.valueOf(floor));
    args.add(String.valueOf(source.offset()));
    args.add(tag);
    Occupation occupation = next.occupation();
    args.add(occupation == null ? "" : String.valueOf(occupation.leaseUntil().toEpochMilli()));
    String result =
        RedisCalls.call(
            "write" + " spool " + tag,
            () ->
                WRITE.run(
                    redis,
                    new String[] {
                      StoreLayout.spoolKey(tag),
                      StoreLayout.lockKey(tag),
                      StoreLayout.commandKey(tag, record.reply().commandId()),
                      StoreLayout.appliedKey(source.partition()),
                      StoreLayout.LEASES
                    },
                    args.toArray(String[]::new)));
    if (STORE_LOST.equals(result)) {
      throw lost(source.partition(), floor, "writing spool " + tag);
    }
    WriteResult written = WriteResult.valueOf(result);
    if (written == WriteResult.WRITTEN) {
      advance(source);
    }
    return written;
  }

  @Override
  public void recordRejection(String tag, RecordedCommand record) {
    CommandSource source = record.source();
    long floor = floor(source.partition());
    String result =
        RedisCalls.call(
            "record" + " spool " + tag,
            () ->
                RECORD.run(
                    redis,
                    new String[] {
                      StoreLayout.commandKey(tag, record.reply().commandId()),
                      StoreLayout.appliedKey(source.partition())
                    },
                    codec.writeString(record.reply()),
                    source.toString(),
                    retentionSeconds(),
                    String.valueOf(floor),
                    String.valueOf(source.offset())));
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
                    new String[] {StoreLayout.appliedKey(partition)},
                    String.valueOf(floor),
                    String.valueOf(offset)));
    if (STORE_LOST.equals(result)) {
      throw lost(partition, floor, "marking the batch applied");
    }
    floors.put(partition, offset);
  }

  @Override
  public void restore(int partition, RebuiltPartition rebuilt) {
    Map<String, List<RecordedCommand>> commandsBySpool =
        rebuilt.commands().stream()
            .collect(Collectors.groupingBy(command -> command.reply().tagSpool()));
    for (RebuiltPartition.Spool spool : rebuilt.spools()) {
      String tag = spool.state().tagSpool();
      List<RecordedCommand> commands = commandsBySpool.getOrDefault(tag, List.of());
      List<String> keys = new ArrayList<>();
      keys.add(StoreLayout.spoolKey(tag));
      keys.add(StoreLayout.lockKey(tag));
      keys.add(StoreLayout.LEASES);
      List<String> args = new ArrayList<>(statusFields(spool.state()));
      Occupation occupation = spool.state().occupation();
      args.add(String.valueOf(Math.max(1, spool.lockTtl().toMillis())));
      args.add(tag);
      args.add(occupation == null ? "0" : String.valueOf(occupation.leaseUntil().toEpochMilli()));
      args.add(retentionSeconds());
      for (RecordedCommand command : commands) {
        keys.add(StoreLayout.commandKey(tag, command.reply().commandId()));
        args.addAll(recordFields(command));
      }
      RedisCalls.call(
          "restore spool " + tag,
          () -> RESTORE.run(redis, keys.toArray(String[]::new), args.toArray(String[]::new)));
    }
    long floor = floor(partition);
    RedisCalls.call(
        "mark partition " + partition + " restored",
        () ->
            RESTORED.run(
                redis, new String[] {StoreLayout.appliedKey(partition)}, String.valueOf(floor)));
  }

  /** The status fields in the order the WRITE and RESTORE scripts take them. */
  private List<String> statusFields(SpoolState state) {
    Occupation occupation = state.occupation();
    return List.of(
        String.valueOf(state.version()),
        codec.writeString(state),
        occupation == null ? "" : occupation.occupationId().toString(),
        occupation == null ? "" : occupation.worker().token(),
        occupation == null ? "" : occupation.operacion().name(),
        occupation == null ? "" : occupation.since().toString(),
        occupation == null ? "" : occupation.leaseUntil().toString());
  }

  private List<String> recordFields(RecordedCommand record) {
    return List.of(
        codec.writeString(record.reply()),
        codec.writeString(record.events().toArray(OccupationEvent[]::new)),
        record.source().toString());
  }

  private String retentionSeconds() {
    return String.valueOf(commandRetention.toSeconds());
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
