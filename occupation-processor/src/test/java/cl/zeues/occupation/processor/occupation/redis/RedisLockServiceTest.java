package cl.zeues.occupation.processor.occupation.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cl.zeues.occupation.processor.occupation.StoreUnavailableException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.api.sync.RedisStringCommands;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The lock service's contract with Redis, on a mocked lettuce connection. */
class RedisLockServiceTest {

  static final String TAG = "MK-0001-CW-00001-001";
  static final String KEY = "zeues:spool:{" + TAG + "}:lock";
  static final UUID TOKEN = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
  static final UUID OTHER = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");

  @SuppressWarnings("unchecked")
  final Redis redis = mock(Redis.class);

  final RedisLockService locks = new RedisLockService(redis, redis);

  /**
   * The two lettuce command groups the lock service uses (mocking all of RedisCommands is slow).
   */
  interface Redis
      extends RedisStringCommands<String, String>, RedisScriptingCommands<String, String> {}

  @Test
  void acquireLockAtomic() {
    when(redis.set(eq(KEY), eq(TOKEN.toString()), any(SetArgs.class))).thenReturn("OK");

    assertThat(locks.acquire(TAG, TOKEN, Duration.ofSeconds(30))).isTrue();

    ArgumentCaptor<SetArgs> args = ArgumentCaptor.forClass(SetArgs.class);
    verify(redis).set(eq(KEY), eq(TOKEN.toString()), args.capture());
    assertThat(args.getValue())
        .usingRecursiveComparison()
        .isEqualTo(SetArgs.Builder.nx().px(30_000));
  }

  @Test
  void acquireOfALockHeldByAnotherTokenFails() {
    when(redis.set(eq(KEY), eq(TOKEN.toString()), any(SetArgs.class))).thenReturn(null);
    when(redis.evalsha(
            anyString(), eq(ScriptOutputType.INTEGER), any(String[].class), any(String[].class)))
        .thenReturn(0L);

    assertThat(locks.acquire(TAG, TOKEN, Duration.ofSeconds(30))).isFalse();
  }

  @Test
  void acquireByTheTokenAlreadyHoldingTheLockExtendsIt() {
    when(redis.set(eq(KEY), eq(TOKEN.toString()), any(SetArgs.class))).thenReturn(null);
    when(redis.evalsha(
            anyString(), eq(ScriptOutputType.INTEGER), any(String[].class), any(String[].class)))
        .thenReturn(1L);

    assertThat(locks.acquire(TAG, TOKEN, Duration.ofSeconds(30))).isTrue();
    verify(redis)
        .evalsha(
            eq(RedisLockService.EXTEND.sha()),
            eq(ScriptOutputType.INTEGER),
            eq(new String[] {KEY}),
            eq(TOKEN.toString()),
            eq("30000"));
  }

  @Test
  void releaseWithTheRightTokenDeletesThroughLua() {
    when(redis.evalsha(
            RedisLockService.RELEASE.sha(),
            ScriptOutputType.INTEGER,
            new String[] {KEY},
            TOKEN.toString()))
        .thenReturn(1L);

    assertThat(locks.release(TAG, TOKEN)).isTrue();
    verify(redis, never()).getdel(anyString());
  }

  @Test
  void releaseWithTheWrongTokenLeavesTheLock() {
    when(redis.evalsha(
            RedisLockService.RELEASE.sha(),
            ScriptOutputType.INTEGER,
            new String[] {KEY},
            OTHER.toString()))
        .thenReturn(0L);

    assertThat(locks.release(TAG, OTHER)).isFalse();
    verify(redis, never()).getdel(anyString());
  }

  @Test
  void luaUsedForSafeRelease() {
    assertThat(RedisLockService.RELEASE.source())
        .contains("redis.call('GET', KEYS[1]) == ARGV[1]")
        .contains("redis.call('DEL', KEYS[1])");
    assertThat(RedisLockService.EXTEND.source())
        .contains("redis.call('GET', KEYS[1]) == ARGV[1]")
        .contains("PEXPIRE");
  }

  @Test
  void aScriptUnknownToTheServerIsSentInFull() {
    when(redis.evalsha(
            RedisLockService.RELEASE.sha(),
            ScriptOutputType.INTEGER,
            new String[] {KEY},
            TOKEN.toString()))
        .thenThrow(new RedisNoScriptException("NOSCRIPT No matching script"));
    when(redis.eval(
            RedisLockService.RELEASE.source(),
            ScriptOutputType.INTEGER,
            new String[] {KEY},
            TOKEN.toString()))
        .thenReturn(1L);

    assertThat(locks.release(TAG, TOKEN)).isTrue();
  }

  @Test
  void extendOnlyByTheHolder() {
    when(redis.evalsha(
            RedisLockService.EXTEND.sha(),
            ScriptOutputType.INTEGER,
            new String[] {KEY},
            TOKEN.toString(),
            "60000"))
        .thenReturn(1L);
    when(redis.evalsha(
            RedisLockService.EXTEND.sha(),
            ScriptOutputType.INTEGER,
            new String[] {KEY},
            OTHER.toString(),
            "60000"))
        .thenReturn(0L);

    assertThat(locks.extend(TAG, TOKEN, Duration.ofMinutes(1))).isTrue();
    assertThat(locks.extend(TAG, OTHER, Duration.ofMinutes(1))).isFalse();
  }

  @Test
  void anExpiredLockHasNoHolderAndCanBeTakenAgain() {
    // Redis dropped the key when its PX ran out: GET answers nil and SET NX succeeds again.
    when(redis.get(KEY)).thenReturn(null);
    when(redis.set(eq(KEY), eq(OTHER.toString()), any(SetArgs.class))).thenReturn("OK");

    assertThat(locks.holder(TAG)).isEmpty();
    assertThat(locks.acquire(TAG, OTHER, Duration.ofSeconds(1))).isTrue();
  }

  @Test
  void holderIsTheStoredToken() {
    when(redis.get(KEY)).thenReturn(TOKEN.toString());

    assertThat(locks.holder(TAG)).contains(TOKEN);
  }

  @Test
  void redisConnectionFailureIsAClearInfrastructureError() {
    when(redis.set(eq(KEY), eq(TOKEN.toString()), any(SetArgs.class)))
        .thenThrow(new RedisConnectionException("Connection refused: /127.0.0.1:6379"));

    assertThatThrownBy(() -> locks.acquire(TAG, TOKEN, Duration.ofSeconds(1)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("Redis unavailable")
        .hasMessageContaining(TAG)
        .hasMessageContaining("Connection refused");
  }

  @Test
  void aRedisTimeoutIsAClearInfrastructureError() {
    when(redis.get(KEY))
        .thenThrow(new RedisCommandTimeoutException("Command timed out after 2 second(s)"));

    assertThatThrownBy(() -> locks.holder(TAG))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("timed out");
  }
}
