package cl.zeues.occupation.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One of the system's services as a real operating-system process ({@code java -jar} on the
 * module's executable jar), so a test can kill it with SIGKILL: no shutdown hook, no graceful
 * close, open transactions and half-done Sheets batches left behind exactly as a crash leaves them.
 * Its output goes to {@code target/fault-logs/}.
 */
final class ServiceProcess implements AutoCloseable {

  /** The executable jars the reactor's package phase builds before the system tests run. */
  enum Service {
    PROCESSOR("occupation-processor"),
    PROJECTOR("sheets-projector");

    private final String module;
    private @Nullable Path copy;

    Service(String module) {
      this.module = module;
    }

    /**
     * A private copy of the module's executable jar, taken once per test JVM: a rebuild of that
     * module while the tests run (the checkout is shared) can neither remove nor rewrite the jar a
     * running service was started from. A jar being rebuilt is waited for.
     */
    synchronized Path jar() {
      if (copy != null) {
        return copy;
      }
      String configured = System.getProperty("zeues." + module + ".jar");
      Path jar =
          configured != null
              ? Path.of(configured)
              : Path.of("..", module, "target", module + "-0.1.0-SNAPSHOT-exec.jar");
      try {
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> Files.isRegularFile(jar));
      } catch (ConditionTimeoutException e) {
        throw new IllegalStateException(
            jar.toAbsolutePath()
                + " is missing; build it first: mvn -B -o package -DskipTests -pl "
                + module,
            e);
      }
      try {
        Path target = Path.of("target", "fault-jars", module + ".jar");
        Files.createDirectories(target.getParent());
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        copy = target;
        return target;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + jar, e);
      }
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Process process;
  private final Thread reaper;

  private ServiceProcess(String name, int port, Process process) {
    this.name = name;
    this.port = port;
    this.process = process;
    // A test JVM that dies must not leave services running on the machine.
    this.reaper = new Thread(process::destroyForcibly, "reap-" + name);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Launches {@code service} with Spring Boot {@code --name=value} arguments (plus its management
   * port) and waits until its readiness probe answers 200.
   */
  static ServiceProcess start(Service service, String name, List<String> arguments) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // Small and quick to start on two shared cores; these JVMs live for one test class.
    command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-jar", service.jar().toString(), "--server.port=" + port));
    command.addAll(arguments);
    Path log = Path.of("target", "fault-logs", name + ".log");
    try {
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      ServiceProcess started = new ServiceProcess(name, port, process);
      try {
        started.awaitReady(Duration.ofSeconds(120));
      } catch (RuntimeException e) {
        started.close();
        throw new IllegalStateException(name + " did not become ready; see " + log, e);
      }
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch " + name, e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  /** http://127.0.0.1:port of the service's HTTP side (health, metrics, its routes). */
  String base() {
    return "http://127.0.0.1:" + port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  private void awaitReady(Duration within) {
    Awaitility.await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
              }
              HttpResponse<Void> response =
                  HTTP.send(
                      HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                          .timeout(Duration.ofSeconds(5))
                          .build(),
                      HttpResponse.BodyHandlers.discarding());
              return response.statusCode() == 200;
            });
  }

  /** SIGKILL, as the kernel's OOM killer or a pulled plug would; returns once it is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted killing " + name, e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting; the hook runs anyway.
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
