package cl.zeues.occupation.processor.occupation.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import io.lettuce.core.sentinel.api.sync.RedisSentinelCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;

/**
 * A real Redis Sentinel of a test's own ({@code redis-server sentinel.conf --sentinel}, the same
 * binary as the server) on a free loopback port, watching one primary under the name {@link
 * #PRIMARY} and alone in deciding a failover (quorum 1). Its configuration lives in a temporary
 * folder, because Sentinel rewrites it as it learns the topology.
 */
public final class RedisSentinelProcess implements AutoCloseable {

  /** The name the primary is watched under, as in docker/compose.production.yml. */
  public static final String PRIMARY = "zeues";

  /**
   * Longer than any test: Sentinel re-points a replica that replicates from another address than
   * the primary's (through a test's relay) only after this, and retries a failed failover after
   * twice this, so a test sees exactly one failover and the topology it built.
   */
  static final Duration FAILOVER_TIMEOUT = Duration.ofMinutes(3);

  private final int port;
  private final Path folder;
  private final Process process;
  private final RedisClient client = RedisClient.create();

  private RedisSentinelProcess(int port, Path folder, Process process) {
    this.port = port;
    this.folder = folder;
    this.process = process;
  }

  /**
   * Starts a Sentinel watching the primary on {@code primaryPort}, declaring it down after {@code
   * downAfter} without an answer, and waits until it answers.
   */
  public static RedisSentinelProcess watch(int primaryPort, Duration downAfter) {
    Path folder;
    try {
      folder = Files.createTempDirectory("zeues-sentinel-");
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary folder for Sentinel", e);
    }
    int port = freePort();
    Path config = folder.resolve("sentinel.conf");
    try {
      Files.writeString(
          config,
          String.join(
              "\n",
              "port " + port,
              "bind 127.0.0.1",
              "dir " + folder,
              "sentinel monitor " + PRIMARY + " 127.0.0.1 " + primaryPort + " 1",
              "sentinel down-after-milliseconds " + PRIMARY + " " + downAfter.toMillis(),
              "sentinel failover-timeout " + PRIMARY + " " + FAILOVER_TIMEOUT.toMillis(),
              "sentinel parallel-syncs " + PRIMARY + " 1",
              ""));
      Process process =
          new ProcessBuilder("redis-server", config.toString(), "--sentinel")
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("sentinel.log").toFile())
              .start();
      RedisSentinelProcess sentinel = new RedisSentinelProcess(port, folder, process);
      try {
        Awaitility.await("Sentinel on port " + port)
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(100))
            .ignoreExceptions()
            .until(() -> process.isAlive() && "PONG".equals(sentinel.ask(s -> s.ping())));
      } catch (RuntimeException e) {
        sentinel.close();
        throw new IllegalStateException("Sentinel did not start on port " + port, e);
      }
      return sentinel;
    } catch (IOException e) {
      FileSystemUtils.deleteRecursively(folder.toFile());
      throw new IllegalStateException("cannot start Sentinel: " + e.getMessage(), e);
    }
  }

  /** lettuce's URL for the primary this Sentinel names: {@code redis-sentinel://...#zeues}. */
  public String url() {
    return "redis-sentinel://127.0.0.1:" + port + "#" + PRIMARY;
  }

  /** The port of the primary this Sentinel names now. */
  public int primaryPort() {
    return ((InetSocketAddress) ask(s -> s.getMasterAddrByName(PRIMARY))).getPort();
  }

  /** Waits until Sentinel knows {@code count} replicas of the primary, none of them down. */
  public void awaitReplicas(int count, Duration within) {
    Awaitility.await("Sentinel knows " + count + " healthy replicas")
        .atMost(within)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> ask(s -> s.replicas(PRIMARY)).stream().filter(this::healthy).count() == count);
  }

  /** Waits until Sentinel names a primary other than the one on {@code formerPort}; its port. */
  public int awaitPromotion(int formerPort, Duration within) {
    return Awaitility.await("Sentinel promotes a replica of the primary on port " + formerPort)
        .atMost(within)
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .until(this::primaryPort, promoted -> promoted != formerPort);
  }

  /**
   * What an operator does to point Sentinel at another primary: forget the watched one and watch
   * the one on {@code primaryPort} under the same name. Sentinel reconfigures nobody for this (no
   * client is disconnected anywhere); it only names a new primary.
   */
  public void repoint(int primaryPort, Duration downAfter) {
    ask(
        s -> {
          s.remove(PRIMARY);
          s.monitor(PRIMARY, "127.0.0.1", primaryPort, 1);
          return s.set(PRIMARY, "down-after-milliseconds", String.valueOf(downAfter.toMillis()));
        });
  }

  /** What Sentinel logged so far (its view of failures and failovers), for a failing test. */
  public String log() {
    try {
      return Files.readString(folder.resolve("sentinel.log"));
    } catch (IOException e) {
      return "(no Sentinel log: " + e.getMessage() + ")";
    }
  }

  /** kill -9 and the configuration folder removed. */
  @Override
  public void close() {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    try {
      process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    FileSystemUtils.deleteRecursively(folder.toFile());
  }

  private boolean healthy(Map<String, String> replica) {
    return List.of(replica.getOrDefault("flags", "").split(",")).equals(List.of("slave"));
  }

  private <T> T ask(Function<RedisSentinelCommands<String, String>, T> question) {
    RedisURI uri = RedisURI.create("redis://127.0.0.1:" + port);
    uri.setTimeout(Duration.ofSeconds(2));
    try (StatefulRedisSentinelConnection<String, String> connection = client.connectSentinel(uri)) {
      return question.apply(connection.sync());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
