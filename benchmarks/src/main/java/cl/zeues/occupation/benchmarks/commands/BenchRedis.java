package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.events.StoreLayout;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The Redis database a bench invocation owns on a shared server. The processor keeps keys that are
 * not per spool (the applied offset of each commands partition, the lease index) and that describe
 * one broker's history, so two benches (each with its own in-process broker) must never share a
 * database, and no bench may use a database anyone else uses. So a bench claims a database that is
 * empty (by {@code SET NX} of a claim key, so two benches starting together cannot both take it),
 * and at the end deletes its own keys one by one; it never flushes anything.
 */
final class BenchRedis implements AutoCloseable {

  static final String CLAIM_KEY = "zeues:bench:claimed-by";

  /** Databases tried when the URL names none: above those the services and tests use. */
  static final int FIRST = 7;

  static final int LAST = 15;

  private static final Pattern EXPLICIT_DATABASE = Pattern.compile(".*/\\d+/?$");

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String url;
  private final String owner;
  private boolean keep;

  private BenchRedis(
      RedisClient client,
      StatefulRedisConnection<String, String> connection,
      String url,
      String owner) {
    this.client = client;
    this.connection = connection;
    this.url = url;
    this.owner = owner;
  }

  /**
   * Claims an empty database of the server {@code url} names: the database the URL names if it
   * names one, else the first empty one from {@value #FIRST} to {@value #LAST}.
   *
   * @throws IllegalStateException naming what to do when none is empty or Redis does not answer
   */
  static BenchRedis claim(String url) {
    RedisURI server = RedisURI.create(url);
    server.setTimeout(Duration.ofSeconds(5));
    boolean explicit = EXPLICIT_DATABASE.matcher(url).matches();
    List<Integer> candidates =
        explicit
            ? List.of(server.getDatabase())
            : IntStream.rangeClosed(FIRST, LAST).boxed().toList();
    RedisClient client = RedisClient.create(server);
    StatefulRedisConnection<String, String> connection;
    try {
      connection = client.connect();
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
      throw new IllegalStateException("Redis does not answer at " + url + ": " + e.getMessage(), e);
    }
    BenchRedis redis = null;
    String owner = UUID.randomUUID().toString();
    for (int database : candidates) {
      RedisCommands<String, String> commands = connection.sync();
      commands.select(database);
      if (commands.dbsize() == 0
          && "OK"
              .equals(commands.set(CLAIM_KEY, owner, SetArgs.Builder.nx().ex(Duration.ofHours(6))))
          && commands.dbsize() == 1) {
        String claimed = withDatabase(server, database);
        redis = new BenchRedis(client, connection, claimed, owner);
        break;
      }
    }
    if (redis == null) {
      connection.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
      throw new IllegalStateException(
          explicit
              ? "database "
                  + server.getDatabase()
                  + " of "
                  + url
                  + " is not empty: the bench needs a database of its own (another bench may be"
                  + " running, or one was killed before it deleted its keys); name an empty one"
              : "no empty database from "
                  + FIRST
                  + " to "
                  + LAST
                  + " on "
                  + url
                  + ": name an empty one with --redis-url=redis://host:port/N");
    }
    return redis;
  }

  private static String withDatabase(RedisURI server, int database) {
    return "redis://" + server.getHost() + ":" + server.getPort() + "/" + database;
  }

  /** The claimed database's URL, for the processor and the API. */
  String url() {
    return url;
  }

  /** Whether the database holds a spool of {@code tags} already. */
  boolean anyInRedis(List<String> tags) {
    return connection
            .sync()
            .exists(StoreLayout.spoolKey(tags.getFirst()), StoreLayout.spoolKey(tags.getLast()))
        > 0;
  }

  /**
   * Deletes every key of the spools under {@code prefix} (state, lock, decided commands) and their
   * entries in the lease index.
   *
   * @return keys deleted
   */
  long deleteSpools(String prefix, List<String> tags) {
    String spoolKey = StoreLayout.spoolKey(prefix);
    // zeues:spool:{MK-4821-QX-* : every key of every spool under the prefix.
    long deleted = deleteMatching(spoolKey.substring(0, spoolKey.length() - 1) + "-*");
    RedisCommands<String, String> redis = connection.sync();
    for (int from = 0; from < tags.size(); from += 1_000) {
      redis.zrem(
          StoreLayout.LEASES,
          tags.subList(from, Math.min(tags.size(), from + 1_000)).toArray(String[]::new));
    }
    return deleted;
  }

  private long deleteMatching(String pattern) {
    RedisCommands<String, String> redis = connection.sync();
    ScanArgs match = ScanArgs.Builder.matches(pattern).limit(2_000);
    long deleted = 0;
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = redis.scan(cursor, match);
      if (!page.getKeys().isEmpty()) {
        deleted += redis.unlink(page.getKeys().toArray(String[]::new));
      }
      cursor = page;
    } while (!cursor.isFinished());
    return deleted;
  }

  /** Leave the database's keys (and the claim) behind when closing, for a look afterwards. */
  void keepKeys() {
    keep = true;
  }

  /**
   * Deletes what the services wrote to the claimed database (it was empty when claimed, and only
   * this bench's services use it), the claim last; nothing if the claim is no longer this bench's.
   */
  @Override
  public void close() {
    try {
      if (!keep && owner.equals(connection.sync().get(CLAIM_KEY))) {
        deleteMatching("zeues:*");
      }
    } finally {
      connection.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
