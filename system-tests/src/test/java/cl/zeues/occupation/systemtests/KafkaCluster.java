package cl.zeues.occupation.systemtests;

import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.localstack.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ElectionNotNeededException;
import org.awaitility.Awaitility;

/**
 * A Kafka cluster shaped like {@code docker/compose.production.yml}: three KRaft nodes, each broker
 * and controller, replicating as {@link Topics.Replication#THREE_BROKERS} says (3 copies, 2 in sync
 * before a write is acknowledged, the transaction state log likewise). Each node is local-stack's
 * {@link KafkaBroker} in this JVM on loopback, with a log folder of its own under {@code dir}.
 *
 * <p>{@link #crash} stops a node the way a crash looks to the rest of the cluster: no controlled
 * shutdown (the node hands over no leadership; the controller fences it once its heartbeats stop,
 * after {@code broker.session.timeout.ms}), and its logs are recovered at the next start as after a
 * crash (the clean-shutdown marker is removed). What an in-process stop cannot do is lose the page
 * cache: records the node had not flushed survive on its disk, as they would after a process crash
 * but not after a power loss.
 */
final class KafkaCluster implements AutoCloseable {

  static final Topics.Replication REPLICATION = Topics.Replication.THREE_BROKERS;

  /** Kafka's clean-shutdown marker ({@code CleanShutdownFileHandler.CLEAN_SHUTDOWN_FILE_NAME}). */
  private static final String CLEAN_SHUTDOWN_MARKER = ".kafka_cleanshutdown";

  private final Path dir;
  private final Map<Integer, KafkaBroker> nodes = new LinkedHashMap<>();
  private final Map<Integer, Integer> ports = new LinkedHashMap<>();
  private final Admin admin;
  private int preferredLeader;

  private KafkaCluster(Path dir) {
    this.dir = dir;
    int count = REPLICATION.factor();
    Map<Integer, Integer> controllerPorts = new LinkedHashMap<>();
    for (int id = 1; id <= count; id++) {
      ports.put(id, ServiceProcess.freePort());
      controllerPorts.put(id, ServiceProcess.freePort());
    }
    String voters =
        controllerPorts.entrySet().stream()
            .map(e -> e.getKey() + "@127.0.0.1:" + e.getValue())
            .collect(Collectors.joining(","));
    String clusterId = Uuid.randomUuid().toString();
    Map<String, String> overrides = new HashMap<>(REPLICATION.brokerConfigs());
    // A stopped node must look crashed: no leadership handed over before it goes.
    overrides.put("controlled.shutdown.enable", "false");
    // A crashed coordinator's open transactions are aborted by their new coordinator once they
    // time out; look for them every second, not every 10 s (as ZeuesSystem's single broker does).
    overrides.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
    for (int id = 1; id <= count; id++) {
      nodes.put(
          id,
          new KafkaBroker(
              logDir(id),
              id,
              ports.get(id),
              controllerPorts.get(id),
              voters,
              clusterId,
              overrides));
    }
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
  }

  /**
   * Formats and starts every node (together: none is ready before a majority of the controllers
   * runs) and creates {@link Topics#ALL} with every partition's preferred leader on one node that
   * is not the active controller, so that one node leads the whole command path.
   */
  static KafkaCluster start(Path dir) {
    KafkaCluster cluster = new KafkaCluster(dir);
    try {
      inParallel(cluster.nodes.values(), KafkaBroker::start);
      cluster.createTopics(cluster.followerOfTheController());
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Every node's address: clients reach the cluster through whichever nodes are up. */
  String bootstrap() {
    return ports.values().stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  /** The node that leads every partition of {@link Topics#ALL} while all nodes run. */
  int commandPathLeader() {
    return preferredLeader;
  }

  private void createTopics(int leader) {
    preferredLeader = leader;
    List<Integer> others =
        nodes.keySet().stream().filter(id -> id != leader).collect(Collectors.toList());
    List<NewTopic> topics = new ArrayList<>();
    for (Topics.Spec spec : Topics.ALL) {
      Map<Integer, List<Integer>> assignment = new LinkedHashMap<>();
      for (int p = 0; p < spec.partitions(); p++) {
        List<Integer> replicas = new ArrayList<>(List.of(leader));
        // Followers alternate, so each other node is second in line for half of the partitions.
        replicas.addAll(p % 2 == 0 ? others : others.reversed());
        assignment.put(p, replicas);
      }
      topics.add(new NewTopic(spec.name(), assignment).configs(spec.configs(REPLICATION)));
    }
    get(admin.createTopics(topics).all(), "creating " + Topics.ALL);
  }

  private int followerOfTheController() {
    int controller =
        get(admin.describeMetadataQuorum().quorumInfo(), "the metadata quorum").leaderId();
    return nodes.keySet().stream().filter(id -> id != controller).findFirst().orElseThrow();
  }

  /** The node leading the metadata quorum now (the active controller). */
  int activeController() {
    return get(admin.describeMetadataQuorum().quorumInfo(), "the metadata quorum").leaderId();
  }

  /**
   * Stops {@code node} as a crash would look to the others: the node keeps its leaderships until
   * the controller fences it, and its next start recovers its logs as after a crash.
   */
  void crash(int node) {
    node(node).close();
    Path marker = logDir(node).resolve(CLEAN_SHUTDOWN_MARKER);
    try {
      if (!Files.deleteIfExists(marker)) {
        throw new IllegalStateException(
            "no " + marker + " to remove: did Kafka rename its clean-shutdown marker?");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + marker, e);
    }
  }

  /** Starts {@code node} again on the same ports with the same log; returns once it answers. */
  void start(int node) {
    node(node).start();
  }

  /**
   * Waits until every partition of every topic, Kafka's transaction state and consumer offsets
   * included, has a leader that is not {@code node}: the cluster serves everything without it.
   */
  void awaitLeadersAwayFrom(int node, Duration within) {
    Awaitility.await("every partition led by a node other than " + node)
        .atMost(within)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () ->
                partitions().stream().allMatch(p -> p.leader() != null && p.leader().id() != node));
  }

  /** Waits until {@code node} is back in the in-sync replicas of every partition it holds. */
  void awaitInSync(int node, Duration within) {
    Awaitility.await("node " + node + " in sync everywhere")
        .atMost(within)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                partitions().stream()
                    .filter(p -> ids(p.replicas()).contains(node))
                    .allMatch(p -> ids(p.isr()).contains(node)));
  }

  /**
   * Moves every leadership back to its preferred replica (what {@code auto.leader.rebalance.enable}
   * does within {@code leader.imbalance.check.interval.seconds}) and waits until it is there.
   */
  void electPreferredLeaders(Duration within) {
    try {
      admin.electLeaders(ElectionType.PREFERRED, null).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof ElectionNotNeededException)) {
        throw new IllegalStateException("preferred leader election failed", e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted electing preferred leaders", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("preferred leader election timed out", e);
    }
    Awaitility.await("every partition led by its preferred replica")
        .atMost(within)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                partitions().stream()
                    .allMatch(
                        p ->
                            p.leader() != null && p.leader().id() == p.replicas().getFirst().id()));
  }

  /** Every partition of every topic, internal ones included. */
  private List<TopicPartitionInfo> partitions() {
    Set<String> names =
        get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names(), "the topics");
    Collection<TopicDescription> topics =
        get(admin.describeTopics(names).allTopicNames(), "the topics").values();
    return topics.stream().flatMap(t -> t.partitions().stream()).toList();
  }

  private static List<Integer> ids(List<Node> nodes) {
    return nodes.stream().map(Node::id).toList();
  }

  private KafkaBroker node(int id) {
    return Objects.requireNonNull(nodes.get(id), () -> "no node " + id);
  }

  private Path logDir(int id) {
    return dir.resolve("node-" + id).resolve("kafka");
  }

  private static <T> T get(KafkaFuture<T> future, String what) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused " + what, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted asking for " + what, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer about " + what, e);
    }
  }

  /** Stops every node still up (in parallel: each one's controller waits for the others). */
  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
    inParallel(nodes.values(), KafkaBroker::close);
  }

  /** One thread per node, not a shared pool: a starting node blocks until a majority runs. */
  private static void inParallel(Collection<KafkaBroker> nodes, Consumer<KafkaBroker> action) {
    nodes.stream()
        .map(
            node ->
                CompletableFuture.runAsync(
                    () -> action.accept(node), task -> Thread.ofPlatform().start(task)))
        .toList()
        .forEach(CompletableFuture::join);
  }
}
