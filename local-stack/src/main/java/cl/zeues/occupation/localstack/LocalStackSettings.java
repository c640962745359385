package cl.zeues.occupation.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the local stack, from {@code --name=value} arguments, else {@code ZEUES_LOCAL_NAME}
 * environment variables (upper case, {@code -} as {@code _}), else the default. The Redis URL also
 * falls back to {@code REDIS_URL}.
 *
 * @param apiPort the command-api's HTTP port on 127.0.0.1
 * @param processorPort the occupation-processor's HTTP port (health and metrics)
 * @param projectorPort the sheets-projector's HTTP port (health, metrics, catalog import)
 * @param sheetsPort the sheets emulator's port (Sheets v4 API and the HTML view at {@code /})
 * @param kafkaPort the broker's client listener
 * @param controllerPort the broker's KRaft controller listener
 * @param dataDir where the Kafka log and the spreadsheet live between runs
 * @param redisUrl the Redis database the stack owns (emptied when the data folder is new)
 * @param spools how many spools the first start writes into {@code Operaciones}
 * @param seedStates whether the first start also drives the shop's state mix through the API
 * @param reset delete the data folder (and so empty the Redis database) before starting
 */
record LocalStackSettings(
    int apiPort,
    int processorPort,
    int projectorPort,
    int sheetsPort,
    int kafkaPort,
    int controllerPort,
    Path dataDir,
    String redisUrl,
    int spools,
    boolean seedStates,
    boolean reset) {

  static final String DEFAULT_REDIS = "redis://127.0.0.1:6379/1";

  static final List<String> NAMES =
      List.of(
          "api-port",
          "processor-port",
          "projector-port",
          "sheets-port",
          "kafka-port",
          "controller-port",
          "data-dir",
          "redis-url",
          "spools",
          "seed-states",
          "reset");

  static LocalStackSettings from(String[] args, Map<String, String> env) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String name : NAMES) {
      String value = env.get("ZEUES_LOCAL_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
      if (value != null && !value.isBlank()) {
        given.put(name, value);
      }
    }
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException(
            "unknown argument '" + arg + "'; use --name=value, names: " + String.join(", ", NAMES));
      }
      String name = arg.substring(2, arg.indexOf('='));
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "unknown setting '" + name + "'; known: " + String.join(", ", NAMES));
      }
      given.put(name, arg.substring(arg.indexOf('=') + 1));
    }
    String redis = given.get("redis-url");
    LocalStackSettings settings =
        new LocalStackSettings(
            port(given, "api-port", 8080),
            port(given, "processor-port", 8081),
            port(given, "projector-port", 8082),
            port(given, "sheets-port", 8085),
            port(given, "kafka-port", 9092),
            port(given, "controller-port", 9093),
            Path.of(given.getOrDefault("data-dir", ".data")).toAbsolutePath().normalize(),
            redis != null
                ? redisUrl(redis, "redis-url")
                : fromRedisUrlVariable(env.get("REDIS_URL")),
            number(given, "spools", 2_500, 1, 100_000),
            bool(given, "seed-states", true),
            bool(given, "reset", false));
    settings.requireDistinctPorts();
    return settings;
  }

  List<Integer> ports() {
    return List.of(apiPort, processorPort, projectorPort, sheetsPort, kafkaPort, controllerPort);
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  String sheetsRootUrl() {
    return "http://127.0.0.1:" + sheetsPort + "/";
  }

  private void requireDistinctPorts() {
    if (ports().stream().distinct().count() != ports().size()) {
      throw new IllegalArgumentException(
          "the ports must all differ: api "
              + apiPort
              + ", processor "
              + processorPort
              + ", projector "
              + projectorPort
              + ", sheets "
              + sheetsPort
              + ", kafka "
              + kafkaPort
              + ", controller "
              + controllerPort);
    }
  }

  /**
   * The stack empties its database on a first start, so a URL given as a setting must name one
   * explicitly; {@code REDIS_URL} (shared with other tools) gets database 1 when it names none.
   */
  private static String fromRedisUrlVariable(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_REDIS;
    }
    String url = value.strip();
    if (!url.matches("rediss?://.*/\\d+(\\?.*)?")) {
      int query = url.indexOf('?');
      String base = query < 0 ? url : url.substring(0, query);
      String rest = query < 0 ? "" : url.substring(query);
      url = (base.endsWith("/") ? base : base + "/") + "1" + rest;
    }
    return redisUrl(url, "REDIS_URL");
  }

  private static String redisUrl(String value, String name) {
    String url = value.strip();
    if (!url.matches("rediss?://[^/]+/\\d+(\\?.*)?")) {
      throw new IllegalArgumentException(
          name
              + " must name the Redis database the stack owns, like "
              + DEFAULT_REDIS
              + "; was "
              + value);
    }
    return url;
  }

  private static int port(Map<String, String> given, String name, int fallback) {
    return number(given, name, fallback, 1, 65_535);
  }

  private static int number(
      Map<String, String> given, String name, int fallback, int min, int max) {
    String value = given.get(name);
    if (value == null) {
      return fallback;
    }
    int number;
    try {
      number = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + number);
    }
    return number;
  }

  private static boolean bool(Map<String, String> given, String name, boolean fallback) {
    String value = given.get(name);
    if (value == null) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
    };
  }
}
