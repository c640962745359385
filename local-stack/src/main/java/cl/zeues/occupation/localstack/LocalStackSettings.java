package cl.zeues.occupation.localstack;

import java.util.Map;

/**
 * Ports and addresses of the local stack, from {@code --name=value} arguments or {@code
 * ZEUES_LOCAL_*} environment variables (arguments win).
 *
 * @param apiPort the command-api's HTTP port
 * @param processorPort the occupation-processor's HTTP port (health and metrics)
 * @param kafkaPort the broker's port on 127.0.0.1
 * @param redisUrl the Redis the services use
 * @param spools how many demo spools the catalog gets
 */
record LocalStackSettings(
    int apiPort, int processorPort, int kafkaPort, String redisUrl, int spools) {

  static LocalStackSettings from(String[] args, Map<String, String> env) {
    Map<String, String> given = new java.util.HashMap<>();
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
            port(given.remove("kafka-port"), 9092, "kafka-port"),
            given.getOrDefault(
                "redis-url", env.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379")),
            number(given.remove("spools"), 2_500, "spools"));
    given.remove("redis-url");
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown setting(s) "
              + given.keySet()
              + "; known: api-port, processor-port, kafka-port, redis-url, spools");
    }
    return settings;
  }

  private static int port(String value, int fallback, String name) {
    int port = number(value, fallback, name);
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be a port between 1 and 65535, was " + port);
    }
    return port;
  }

  private static int number(String value, int fallback, String name) {
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
