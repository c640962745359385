package cl.zeues.occupation.processor.occupation.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real {@code redis-server} of a test's own, on a free loopback port, without persistence, so a
 * test may flush it or kill it without touching the shared Redis other tests use.
 */
public final class RedisServerProcess implements AutoCloseable {

  private final int port;
  private final List<String> options;
  private Process process;

  private RedisServerProcess(int port, List<String> options) {
    this.port = port;
    this.options = List.copyOf(options);
    this.process = launch();
  }

  /** Starts on a free port; another process taking that port first only means another try. */
  public static RedisServerProcess start() {
    return start(List.of());
  }

  /**
   * {@link #start()} with more {@code redis-server} options, e.g. {@code --maxmemory 64mb
   * --maxmemory-policy noeviction} as docker/compose.yml runs it.
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

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** FLUSHALL: every key gone, as after an operator's mistake or a failover to an empty replica. */
  public void flushAll() {
    RedisClient client = RedisClient.create(url());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().flushall();
    } finally {
      client.shutdown();
    }
  }

  /** kill -9, stay down for {@code down}, start again on the same port: empty, no persistence. */
  public void restart(Duration down) throws InterruptedException {
    process.destroyForcibly().waitFor();
    TimeUnit.NANOSECONDS.sleep(down.toNanos()); // the outage itself, not a wait for a condition
    process = launch();
  }

  @Override
  public void close() {
    process.destroyForcibly();
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
                  "no"));
      command.addAll(options);
      Process started =
          new ProcessBuilder(command)
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
