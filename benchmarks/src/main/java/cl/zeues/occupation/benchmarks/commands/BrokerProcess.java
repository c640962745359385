package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker in a JVM of its own, the shape that is deployed: started from this
 * JVM's own class path (from the exec jar through Spring Boot's {@code PropertiesLauncher}), data
 * in a temporary folder, configured as {@link
 * cl.zeues.occupation.benchmarks.support.InProcessKafka} is (one replica for the transaction and
 * offsets logs, no initial rebalance delay), heap 1 GB as Kafka's own start script gives it. Its
 * output goes to {@code broker.log} in that folder, which is deleted on close unless the broker
 * failed to start.
 */
final class BrokerProcess implements Broker {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String LAUNCHER =
      "org.springframework.boot.loader.launch.PropertiesLauncher";

  private final Path folder;
  private final String brokers;
  private final Process process;
  private final Thread killOnExit;

  private BrokerProcess(Path folder, String brokers, Process process) {
    this.folder = folder;
    this.brokers = brokers;
    this.process = process;
    this.killOnExit = new Thread(process::destroyForcibly, "kill-broker-process");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  static BrokerProcess start(int defaultPartitions) {
    Path folder;
    try {
      folder = Files.createTempDirectory("bench-kafka-");
      int port = freePort();
      int controllerPort = freePort();
      Path properties = folder.resolve("server.properties");
      Files.writeString(
          properties,
          String.join(
              "\n",
              "process.roles=broker,controller",
              "node.id=1",
              "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
              "listeners=PLAINTEXT://127.0.0.1:"
                  + port
                  + ",CONTROLLER://127.0.0.1:"
                  + controllerPort,
              "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
              "controller.listener.names=CONTROLLER",
              "inter.broker.listener.name=PLAINTEXT",
              "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
              "log.dirs=" + folder.resolve("data"),
              "num.partitions=" + defaultPartitions,
              "offsets.topic.replication.factor=1",
              "transaction.state.log.replication.factor=1",
              "transaction.state.log.min.isr=1",
              "share.coordinator.state.topic.replication.factor=1",
              "share.coordinator.state.topic.min.isr=1",
              "group.initial.rebalance.delay.ms=0",
              "delete.topic.enable=true",
              ""),
          StandardCharsets.UTF_8);
      Path log = folder.resolve("broker.log");
      int formatted =
          launch(
                  "kafka.tools.StorageTool",
                  log,
                  "format",
                  "-t",
                  Uuid.randomUuid().toString(),
                  "-c",
                  properties.toString())
              .waitFor();
      if (formatted != 0) {
        throw new IllegalStateException("formatting the broker's storage failed: see " + log);
      }
      Process process = launch("kafka.Kafka", log, properties.toString());
      BrokerProcess broker = new BrokerProcess(folder, "127.0.0.1:" + port, process);
      broker.awaitReady(log);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a broker process", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting a broker process", e);
    }
  }

  /** Runs {@code mainClass} of this JVM's class path in a JVM of its own. */
  private static Process launch(String mainClass, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xms1g", "-Xmx1g", "-cp", System.getProperty("java.class.path")));
    if (fromExecJar()) {
      command.add("-Dloader.main=" + mainClass);
      command.add(LAUNCHER);
    } else {
      command.add(mainClass);
    }
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** Whether this JVM runs from a Spring Boot exec jar: the broker's classes are nested in it. */
  private static boolean fromExecJar() {
    return BrokerProcess.class.getClassLoader() != ClassLoader.getSystemClassLoader();
  }

  private void awaitReady(Path log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    try (Admin admin = admin()) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the broker process exited with " + process.exitValue() + ": see " + log);
        }
        try {
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(1_000))
              .clusterId()
              .get(2, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            process.destroyForcibly();
            throw new IllegalStateException(
                "the broker process was not ready after " + START_TIMEOUT + ": see " + log);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while waiting for the broker process", e);
    }
  }

  @Override
  public String brokers() {
    return brokers;
  }

  @Override
  public void createTopics(Collection<Topics.Spec> topics) {
    List<NewTopic> requests =
        topics.stream()
            .map(
                spec ->
                    new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()))
            .toList();
    try (Admin admin = admin()) {
      admin.createTopics(requests).all().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create the bench's topics", e);
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
  }

  /** Stops the broker (SIGTERM, then SIGKILL after 10 s) and deletes its folder. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook runs anyway.
    }
    deleteQuietly(folder);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  // Left in the temporary folder.
                }
              });
    } catch (IOException e) {
      // Left in the temporary folder.
    }
  }
}
