package cl.zeues.occupation.processor.occupation.redis;

import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.processor.occupation.SpoolLocks;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.api.sync.RedisStringCommands;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Spool locks in Redis: {@code SET NX PX} to acquire (atomic), and Lua compare-and-act on the token
 * to release or extend, so only the holder of a token can free or prolong its lock.
 */
public final class RedisLockService implements SpoolLocks {

  static final LuaScript RELEASE =
      new LuaScript(
          """
          if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('DEL', KEYS[1])
          end
          return 0
          """,
          ScriptOutputType.INTEGER);

  static final LuaScript EXTEND =
      new LuaScript(
          """
          if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('PEXPIRE', KEYS[1], ARGV[2])
          end
          return 0
          """,
          ScriptOutputType.INTEGER);

  private final RedisStringCommands<String, String> redis;
  private final RedisScriptingCommands<String, String> scripts;

  /** Takes the two command groups it uses; a lettuce {@code RedisCommands} is both. */
  public RedisLockService(
      RedisStringCommands<String, String> redis, RedisScriptingCommands<String, String> scripts) {
    this.redis = redis;
    this.scripts = scripts;
  }

  /**
   * Acquires with {@code SET NX PX}; if taken, succeeds only when {@code token} already holds it.
   */
  @Override
  public boolean acquire(String tag, UUID token, Duration ttl) {
    String set =
        RedisCalls.call(
            "acquire" + " the lock of spool " + tag,
            () ->
                redis.set(
                    StoreLayout.lockKey(tag),
                    token.toString(),
                    SetArgs.Builder.nx().px(ttl.toMillis())));
    return "OK".equals(set) || extend(tag, token, ttl);
  }

  @Override
  public boolean release(String tag, UUID token) {
    Long deleted =
        RedisCalls.call(
            "release" + " the lock of spool " + tag,
            () -> RELEASE.run(scripts, new String[] {StoreLayout.lockKey(tag)}, token.toString()));
    return deleted != null && deleted == 1;
  }

  @Override
  public boolean extend(String tag, UUID token, Duration ttl) {
    Long extended =
        RedisCalls.call(
            "extend" + " the lock of spool " + tag,
            () ->
                EXTEND.run(
                    scripts,
                    new String[] {StoreLayout.lockKey(tag)},
                    token.toString(),
                    String.valueOf(ttl.toMillis())));
    return extended != null && extended == 1;
  }

  @Override
  public Optional<UUID> holder(String tag) {
    String value =
        RedisCalls.call(
            "read" + " the lock of spool " + tag, () -> redis.get(StoreLayout.lockKey(tag)));
    return Optional.ofNullable(value).map(UUID::fromString);
  }
}
