package cl.zeues.occupation.processor.occupation.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
