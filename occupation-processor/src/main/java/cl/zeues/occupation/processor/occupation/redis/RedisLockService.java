package cl.zeues.occupation.processor.occupation.redis;

import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.events.StoreLayout;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.api.sync.RedisStringCommands;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who holds a spool's lock: the one class that reads or changes {@link StoreLayout#lockKey}, whose
 * value is the token (the occupation id) of the acquisition holding it.
 *
 * <p>Decisions change the lock only inside the store's fenced scripts, in the same round trip as
 * the state: {@link #LOCK_STEP} does what the write's {@link Step} says (a TOMAR takes the lock for
 * its new occupation, a write that keeps the spool occupied needs the lock to still hold its token,
 * a write that leaves it free drops it, a rebuild sets it to the replayed occupation).
 *
 * <p>On its own, outside a decision: {@code SET NX PX} to acquire (atomic), and Lua compare-and-act
 * on the token to release or extend, so only the holder of a token can free or prolong its lock.
 */
public final class RedisLockService {

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

  /**
   * Lua for the store's scripts, run after their version fence (the stored state is then the one
   * the decision was made on): {@code lock_step(key)} does to the lock what {@code A.lock} (a
   * {@link Step}) says. Returns {@code 'LOCK_LOST'}, having changed nothing, when an occupied
   * spool's lock no longer holds its token; {@code 'STALE'} when a take replaced another token (a
   * lock the state does not know: its writer died between lock and state, or the occupation it
   * belonged to ends in this very decision); else {@code 'OK'}.
   */
  static final String LOCK_STEP =
      """
      local function lock_step(key)
        local step = A.lock
        if step.action == 'drop' then
          redis.call('DEL', key)
          return 'OK'
        end
        local held = redis.call('GET', key)
        if step.action == 'hold' then
          if held ~= step.token then return 'LOCK_LOST' end
          return 'OK'
        end
        redis.call('SET', key, step.token, 'PX', step.ttl)
        if held and held ~= step.token then return 'STALE' end
        return 'OK'
      end
      """;

  /** What one store write does to the spool's lock ({@link #LOCK_STEP}). */
  static final class Step {

    private final Map<String, String> args;

    private Step(Map<String, String> args) {
      this.args = args;
    }

    /** The lock holds {@code token} for {@code ttl}, whoever held it before. */
    static Step take(UUID token, Duration ttl) {
      return new Step(
          Map.of(
              "action",
              "take",
              "token",
              token.toString(),
              "ttl",
              String.valueOf(Math.max(1, ttl.toMillis()))));
    }

    /** The write needs the lock to still hold {@code token}. */
    static Step hold(UUID token) {
      return new Step(Map.of("action", "hold", "token", token.toString()));
    }

    /** The spool ends free: past the version fence any lock on it is stale, so it goes. */
    static Step drop() {
      return new Step(Map.of("action", "drop"));
    }

    /** Hold the occupation's token, or drop the lock of a spool left free. */
    static Step following(@Nullable Occupation occupation) {
      return occupation == null ? drop() : hold(occupation.occupationId());
    }

    ScriptArgs addTo(ScriptArgs call) {
      return call.group("lock", args);
    }
  }

  private final RedisStringCommands<String, String> redis;
  private final RedisScriptingCommands<String, String> scripts;

  /** Takes the two command groups it uses; a lettuce {@code RedisCommands} is both. */
  public RedisLockService(
      RedisStringCommands<String, String> redis, RedisScriptingCommands<String, String> scripts) {
    this.redis = redis;
    this.scripts = scripts;
  }

  /**
   * Takes the lock for {@code token} if free (or already held by {@code token}), with {@code SET NX
   * PX}; if taken, succeeds only when {@code token} already holds it.
   */
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

  /** Frees the lock if it is held by {@code token}; returns whether it did. */
  public boolean release(String tag, UUID token) {
    Long deleted =
        RedisCalls.call(
            "release" + " the lock of spool " + tag,
            () -> RELEASE.run(scripts, new String[] {StoreLayout.lockKey(tag)}, token.toString()));
    return deleted != null && deleted == 1;
  }

  /** Pushes the lock's expiry to {@code ttl} from now if held by {@code token}. */
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

  /** The token holding the lock, if any. */
  public Optional<UUID> holder(String tag) {
    String value =
        RedisCalls.call(
            "read" + " the lock of spool " + tag, () -> redis.get(StoreLayout.lockKey(tag)));
    return Optional.ofNullable(value).map(UUID::fromString);
  }
}
