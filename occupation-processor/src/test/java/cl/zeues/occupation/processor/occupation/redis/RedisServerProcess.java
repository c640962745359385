package cl.zeues.occupation.processor.occupation.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.util.FileSystemUtils;

/**
 * A real {@code redis-server} of a test's own, on a free loopback port, without persistence, so a
 * test may flush it or kill it without touching the shared Redis other tests use. It works in a
 * temporary folder of its own (a replica writes the snapshot it receives there), removed on close.
 */
public final class RedisServerProcess implements AutoCloseable {

  private final int port;
  private final List<String> options;
  private final Path folder;
  private Process process;

  private RedisServerProcess(int port, List<String> options) {
    this.port = port;
    this.options = List.copyOf(options);
    try {
      this.folder = Files.createTempDirectory("zeues-redis-");
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary folder for redis-server", e);
    }
    try {
      this.process = launch();
    } catch (RuntimeException e) {
      FileSystemUtils.deleteRecursively(folder.toFile());
      throw e;
    }
  }

  /** Starts on a free port; another process taking that port first only means another try. */
  public static RedisServerProcess start() {
    return start(List.of());
  }

  /**
   * Starts on a free port with more {@code redis-server} options, e.g. {@code --replicaof 127.0.0.1
   * 6380}.
   */
  public static RedisServerProcess start(List<String> options) {
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return new RedisServerProcess(freePort(), options);
      } catch (IllegalStateException e) {
        failure = e;
      }
    }
    throw failure;
  }

  /** Whether {@code redis-server} can be run at all (tests that need their own skip otherwise). */
  public static boolean installed() {
    try {
      Process version =
          new ProcessBuilder("redis-server", "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** FLUSHALL: every key gone, as after an operator's mistake or a failover to an empty replica. */
  public void flushAll() {
    ask(RedisCommands::flushall);
  }

  /** Runs {@code question} on a connection of its own to this server (not through Sentinel). */
  public <T> T ask(Function<RedisCommands<String, String>, T> question) {
    RedisClient client = RedisClient.create(url());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return question.apply(connection.sync());
    } finally {
      client.shutdown();
    }
  }

  /** Waits until this server, started as a replica, has synchronised with its primary. */
  public void awaitReplicating(Duration within) {
    Awaitility.await("replica on port " + port + " in sync with its primary")
        .atMost(within)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> ask(redis -> redis.info("replication")).contains("master_link_status:up"));
  }

  /** kill -9, and stay down. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** kill -9, stay down for {@code down}, start again on the same port: empty, no persistence. */
  public void restart(Duration down) throws InterruptedException {
    kill();
    TimeUnit.NANOSECONDS.sleep(down.toNanos()); // the outage itself, not a wait for a condition
    process = launch();
  }

  /** kill -9, and its folder removed. */
  @Override
  public void close() {
    try {
      process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    FileSystemUtils.deleteRecursively(folder.toFile());
  }

  private Process launch() {
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "redis-server",
                  "--port",
                  String.valueOf(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--dir",
                  folder.toString()));
      command.addAll(options);
      Process started =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      try {
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(50))
            .ignoreExceptions()
            .until(() -> !started.isAlive() || answersPing());
      } catch (ConditionTimeoutException e) {
        started.destroyForcibly();
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING");
      }
      if (!started.isAlive()) {
        // It could not bind: something else answers on that port, and it is not ours to flush.
        throw new IllegalStateException("redis-server could not start on port " + port);
      }
      return started;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start redis-server (is it installed and on the PATH?): " + e.getMessage(), e);
    }
  }

  private boolean answersPing() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      // A server whose default user is off (an ACL file) answers -NOAUTH: it is up all the same.
      String answer = new String(in.readNBytes(7), StandardCharsets.US_ASCII);
      return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
