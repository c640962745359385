package cl.zeues.occupation.localstack;

import cl.zeues.occupation.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft node (broker and controller in one; by default a cluster of its own) running in this JVM,
 * whose log lives in a folder that outlives the process: the storage is formatted only when the
 * folder is new, so a second start resumes the same cluster, topics, offsets and transactions.
 * Public because the system tests restart it on the same port under traffic, which
 * spring-kafka-test's embedded broker cannot do.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

  private final Path logDir;
  private final int nodeId;
  private final int port;
  private final int controllerPort;
  private final String voters;
  private final @Nullable String clusterId;
  private final Map<String, String> overrides;
  private @Nullable KafkaRaftServer server;

  public KafkaBroker(Path logDir, int port, int controllerPort) {
    this(logDir, 1, port, controllerPort, "1@127.0.0.1:" + controllerPort, null, Map.of());
  }

  /**
   * One node (broker and controller) of a KRaft cluster whose nodes all run in this JVM on
   * loopback: {@code voters} names every node's controller ({@code id@127.0.0.1:port,...}), every
   * node is formatted with the same {@code clusterId}, and {@code overrides} replace or add server
   * properties (the replication of the internal topics, for one). Start the nodes of a new cluster
   * together: none is ready before a majority of the voters runs.
   */
  public KafkaBroker(
      Path logDir,
      int nodeId,
      int port,
      int controllerPort,
      String voters,
      @Nullable String clusterId,
      Map<String, String> overrides) {
    this.logDir = logDir;
    this.nodeId = nodeId;
    this.port = port;
    this.controllerPort = controllerPort;
    this.voters = voters;
    this.clusterId = clusterId;
    this.overrides = Map.copyOf(overrides);
  }

  /** Whether the log folder has never been formatted (no {@code meta.properties}). */
  boolean isNew() {
    return !Files.exists(logDir.resolve("meta.properties"));
  }

  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** The cluster id recorded in the formatted log folder. */
  String clusterId() {
    Properties meta = new Properties();
    try (InputStream in = Files.newInputStream(logDir.resolve("meta.properties"))) {
      meta.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + logDir.resolve("meta.properties"), e);
    }
    return meta.getProperty("cluster.id");
  }

  /** Formats the folder when it is new, starts the broker and waits until it answers. */
  public void start() {
    Properties properties = properties();
    Path config = writeConfig(properties);
    if (isNew()) {
      format(config);
    }
    KafkaRaftServer raft =
        new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
    raft.startup();
    server = raft;
    awaitAnswering();
  }

  /** Creates the system's topics ({@link Topics#ALL}) that do not exist yet. */
  public void createTopics() {
    try (Admin admin = admin()) {
      List<NewTopic> topics =
          Topics.ALL.stream()
              .map(
                  spec ->
                      new NewTopic(spec.name(), spec.partitions(), (short) 1)
                          .configs(spec.configs()))
              .toList();
      admin
          .createTopics(topics)
          .values()
          .forEach(
              (name, future) -> {
                try {
                  future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                  if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name, e.getCause());
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException("interrupted creating topic " + name, e);
                } catch (TimeoutException e) {
                  throw new IllegalStateException("timed out creating topic " + name, e);
                }
              });
    }
  }

  Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
  }

  private void awaitAnswering() {
    try (Admin admin = admin()) {
      admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the Kafka broker on " + bootstrap() + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the Kafka broker", e);
    }
  }

  /** What {@code kafka-storage.sh format -t <new id> -c server.properties} does. */
  private void format(Path config) {
    try {
      String clusterId = this.clusterId != null ? this.clusterId : Uuid.randomUuid().toString();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int status;
      try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        status =
            StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString()}, print);
      }
      if (status != 0) {
        throw new IllegalStateException(
            "formatting " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8));
      }
      log.info("formatted a new Kafka log in {} (cluster {})", logDir, clusterId);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("formatting " + logDir + " failed", e);
    }
  }

  /** Writes {@code server.properties} next to the log folder, for people to read. */
  private Path writeConfig(Properties properties) {
    try {
      Files.createDirectories(logDir);
      Path config = logDir.getParent().resolve("server.properties");
      try (OutputStream out = Files.newOutputStream(config)) {
        properties.store(
            out, "KRaft node " + nodeId + " of the ZEUES local stack (rewritten at start)");
      }
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + logDir, e);
    }
  }

  /** The minimal KRaft configuration (a single node unless told otherwise), bound to loopback. */
  private Properties properties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(nodeId));
    p.put("controller.quorum.voters", voters);
    p.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "1");
    // Topics are created from Topics.ALL with their real partition counts; never by a client.
    p.put("auto.create.topics.enable", "false");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "10");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.putAll(overrides);
    return p;
  }

  /** Stops the broker (a controlled shutdown; every acknowledged record is in the log folder). */
  @Override
  public synchronized void close() {
    KafkaRaftServer raft = server;
    server = null;
    if (raft != null) {
      raft.shutdown();
      raft.awaitShutdown();
    }
  }
}
