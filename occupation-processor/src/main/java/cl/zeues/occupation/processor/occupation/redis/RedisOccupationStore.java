package cl.zeues.occupation.processor.occupation.redis;

import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.processor.occupation.CommandSource;
import cl.zeues.occupation.processor.occupation.OccupationStore;
import cl.zeues.occupation.processor.occupation.RecordedCommand;
import cl.zeues.occupation.processor.occupation.StoredSpool;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Spool states and decided commands in Redis ({@link StoreLayout}). A write is one Lua script:
 * version check (the fencing token), lock-token check, state, status fields and the command's
 * record, all or nothing.
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

  static final LuaScript WRITE =
      new LuaScript(
          """
          local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
          if current ~= tonumber(ARGV[1]) then return 'VERSION_CONFLICT' end
          if ARGV[4] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[4] then return 'LOCK_LOST' end
          redis.call('HSET', KEYS[1], 'version', ARGV[2], 'state', ARGV[3],
            'ocupado_por', ARGV[5], 'operacion', ARGV[6], 'occupation_id', ARGV[4],
            'fecha_ocupacion', ARGV[7], 'lease_until', ARGV[8])
          redis.call('HSET', KEYS[3], 'reply', ARGV[9], 'events', ARGV[10], 'source', ARGV[11])
          redis.call('EXPIRE', KEYS[3], ARGV[12])
          return 'WRITTEN'
          """,
          ScriptOutputType.STATUS);

  static final LuaScript RECORD =
      new LuaScript(
          """
          redis.call('HSET', KEYS[1], 'reply', ARGV[1], 'events', '[]', 'source', ARGV[2])
          redis.call('EXPIRE', KEYS[1], ARGV[3])
          return 'OK'
          """,
          ScriptOutputType.STATUS);

  private final RedisCommands<String, String> redis;
  private final JsonCodec codec;
  private final Duration commandRetention;

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
    Occupation occupation = next.occupation();
    String result =
        RedisCalls.call(
            "write" + " spool " + tag,
            () ->
                WRITE.run(
                    redis,
                    new String[] {
                      StoreLayout.spoolKey(tag),
                      StoreLayout.lockKey(tag),
                      StoreLayout.commandKey(tag, record.reply().commandId())
                    },
                    String.valueOf(expectedVersion),
                    String.valueOf(next.version()),
                    codec.writeString(next),
                    occupation == null ? "" : occupation.occupationId().toString(),
                    occupation == null ? "" : occupation.worker().token(),
                    occupation == null ? "" : occupation.operacion().name(),
                    occupation == null ? "" : occupation.since().toString(),
                    occupation == null ? "" : occupation.leaseUntil().toString(),
                    codec.writeString(record.reply()),
                    codec.writeString(record.events().toArray(OccupationEvent[]::new)),
                    record.source().toString(),
                    String.valueOf(commandRetention.toSeconds())));
    WriteResult written = WriteResult.valueOf(result);
    if (written == WriteResult.WRITTEN) {
      indexLease(tag, occupation);
    }
    return written;
  }

  @Override
  public void recordRejection(String tag, RecordedCommand record) {
    RedisCalls.call(
        "record" + " spool " + tag,
        () ->
            RECORD.run(
                redis,
                new String[] {StoreLayout.commandKey(tag, record.reply().commandId())},
                codec.writeString(record.reply()),
                record.source().toString(),
                String.valueOf(commandRetention.toSeconds())));
  }

  /** Keeps the sweeper's index in step; the state stays the truth, so this may lag safely. */
  private void indexLease(String tag, Occupation occupation) {
    RedisCalls.call(
        "index the lease of" + " spool " + tag,
        () ->
            occupation == null
                ? redis.zrem(StoreLayout.LEASES, tag)
                : redis.zadd(StoreLayout.LEASES, occupation.leaseUntil().toEpochMilli(), tag));
  }
}
