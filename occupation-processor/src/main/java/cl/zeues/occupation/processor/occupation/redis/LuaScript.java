package cl.zeues.occupation.processor.occupation.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), falling back to {@code EVAL} when the server
 * does not know it yet (a restart or {@code SCRIPT FLUSH}): one round trip, and atomic on Redis.
 */
final class LuaScript {

  private final String source;
  private final String sha;
  private final ScriptOutputType output;

  LuaScript(String source, ScriptOutputType output) {
    this.source = source;
    this.sha = sha1(source);
    this.output = output;
  }

  String sha() {
    return sha;
  }

  String source() {
    return source;
  }

  <T> T run(RedisScriptingCommands<String, String> redis, ScriptArgs call) {
    return run(redis, call.keys(), call.args());
  }

  <T> T run(RedisScriptingCommands<String, String> redis, String[] keys, String... args) {
    try {
      return redis.evalsha(sha, output, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(source, output, keys, args);
    }
  }

  /**
   * Sends the call ({@code EVALSHA}) without waiting for its answer, so that calls sent one after
   * another share a round trip (lettuce pipelines a connection's commands); Redis still runs them
   * one at a time, in the order sent.
   */
  <T> Sent<T> send(StatefulRedisConnection<String, String> connection, ScriptArgs call) {
    String[] keys = call.keys();
    String[] args = call.args();
    RedisFuture<T> answer = connection.async().evalsha(sha, output, keys, args);
    return new Sent<>(connection, keys, args, answer);
  }

  /** A call sent by {@link #send}, its answer to come. */
  final class Sent<T> {

    private final StatefulRedisConnection<String, String> connection;
    private final String[] keys;
    private final String[] args;
    private final RedisFuture<T> answer;

    private Sent(
        StatefulRedisConnection<String, String> connection,
        String[] keys,
        String[] args,
        RedisFuture<T> answer) {
      this.connection = connection;
      this.keys = keys;
      this.args = args;
      this.answer = answer;
    }

    /**
     * The answer, within the connection's command timeout; a server that does not know the script
     * runs it now by its source ({@code EVAL}).
     */
    T await() {
      try {
        return LettuceFutures.awaitOrCancel(
            answer, connection.getTimeout().toNanos(), TimeUnit.NANOSECONDS);
      } catch (RedisNoScriptException e) {
        return connection.sync().eval(source, output, keys, args);
      }
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-1", e);
    }
  }
}
