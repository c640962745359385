package cl.zeues.occupation.localstack;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the local stack, from {@code --name=value} arguments or {@code ZEUES_LOCAL_*}
 * environment variables (arguments win).
 *
 * @param apiPort the command-api's HTTP port on 127.0.0.1
 * @param processorPort the occupation-processor's HTTP port (health and metrics) on 127.0.0.1
 * @param redisUrl the Redis database the services use; the stack owns it and empties it at start
 *     (database 1 by default, so tests and other work on database 0 are left alone)
 * @param spools how many demo spools the catalog gets
 */
record LocalStackSettings(int apiPort, int processorPort, String redisUrl, int spools) {

  static final String DEFAULT_REDIS = "redis://127.0.0.1:6379/1";

  static LocalStackSettings from(String[] args, Map<String, String> env) {
    Map<String, String> given = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith("ZEUES_LOCAL_")) {
            given.put(
                name.substring("ZEUES_LOCAL_".length()).toLowerCase().replace('_', '-'), value);
          }
        });
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; use --name=value");
      }
      given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    LocalStackSettings settings =
        new LocalStackSettings(
            port(given.remove("api-port"), 8080, "api-port"),
            port(given.remove("processor-port"), 8081, "processor-port"),
            redisUrl(given.remove("redis-url")),
            number(given.remove("spools"), 2_500, "spools"));
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown setting(s) "
              + given.keySet()
              + "; known: api-port, processor-port, redis-url, spools");
    }
    return settings;
  }

  /** The stack empties its database at start, so it must name one explicitly (not 0 by default). */
  private static String redisUrl(@Nullable String value) {
    if (value == null) {
      return DEFAULT_REDIS;
    }
    if (!value.matches("rediss?://[^/]+/\\d+")) {
      throw new IllegalArgumentException(
          "redis-url must name a database the stack may empty, like "
              + DEFAULT_REDIS
              + "; was "
              + value);
    }
    return value;
  }

  private static int port(@Nullable String value, int fallback, String name) {
    int port = number(value, fallback, name);
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be a port between 1 and 65535, was " + port);
    }
    return port;
  }

  private static int number(@Nullable String value, int fallback, String name) {
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
    }
  }
}
