package cl.zeues.occupation.events;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every topic the system uses, with its partitions, configs and replication: the one place they are
 * named.
 *
 * <p>{@link #COMMANDS} and {@link #EVENTS} are keyed by {@code tag_spool} and must keep the same
 * partition count, so a spool's commands and events share a partition number. {@link #EVENTS} is
 * retained forever: it is the source of truth and the audit trail.
 */
public final class Topics {

  /** A topic's name, default partition count and topic-level configs. */
  public record Spec(String name, int partitions, Map<String, String> configs) {
    public Spec {
      configs = Map.copyOf(configs);
    }

    /**
     * The configs to create this topic with on a cluster replicating as {@code replication} says:
     * its own (retention, compaction) plus the replication's {@code min.insync.replicas}.
     */
    public Map<String, String> configs(Replication replication) {
      Map<String, String> all = new TreeMap<>(configs);
      all.putAll(replication.topicConfigs());
      return Collections.unmodifiableMap(all);
    }
  }

  /**
   * How many copies of every topic a deployment keeps ({@code factor}), and how many of them must
   * hold a record before a producer with {@code acks=all} is told it is written ({@code
   * minInSync}). The same numbers apply to Kafka's own transaction state log and consumer offsets,
   * since a transaction or an offset commit is only as durable as they are.
   *
   * @param factor replicas of each partition (one per broker)
   * @param minInSync replicas that must have a write before it is acknowledged; with fewer in sync
   *     the partition refuses writes rather than risk losing them
   */
  public record Replication(int factor, int minInSync) {

    /**
     * One broker: the small deployment, the local stack and the tests. Nothing survives a lost
     * disk.
     */
    public static final Replication SINGLE_BROKER = of(1);

    /**
     * Three brokers, two of which must hold every acknowledged write: one broker may crash or lose
     * its disk without losing an acknowledged command or event, and without refusing writes.
     */
    public static final Replication THREE_BROKERS = of(3);

    public Replication {
      if (factor < 1 || minInSync < 1 || minInSync > factor) {
        throw new IllegalArgumentException(
            "replication factor " + factor + " with min.insync.replicas " + minInSync);
      }
    }

    /**
     * {@code factor} replicas, a majority of which must hold each write: 1 of 1, 2 of 2, 2 of 3, 3
     * of 5. A write acknowledged by a majority survives the loss of any minority of the brokers,
     * and a minority down never stops writes once there are three or more.
     */
    public static Replication of(int factor) {
      return new Replication(factor, factor / 2 + 1);
    }

    /** The topic-level configs a topic replicated this way is created with. */
    public Map<String, String> topicConfigs() {
      return Map.of("min.insync.replicas", String.valueOf(minInSync));
    }

    /**
     * The broker settings that replicate this way what no {@link Spec} creates: Kafka's internal
     * topics (transaction state, consumer offsets, share-group state) and any topic created without
     * a replication factor or {@code min.insync.replicas} of its own.
     */
    public Map<String, String> brokerConfigs() {
      String replicas = String.valueOf(factor);
      String inSync = String.valueOf(minInSync);
      Map<String, String> broker = new TreeMap<>();
      broker.put("default.replication.factor", replicas);
      broker.put("min.insync.replicas", inSync);
      broker.put("offsets.topic.replication.factor", replicas);
      broker.put("transaction.state.log.replication.factor", replicas);
      broker.put("transaction.state.log.min.isr", inSync);
      broker.put("share.coordinator.state.topic.replication.factor", replicas);
      broker.put("share.coordinator.state.topic.min.isr", inSync);
      return Collections.unmodifiableMap(broker);
    }
  }

  private static final String WEEK_MS = String.valueOf(7L * 24 * 3600 * 1000);

  public static final Spec COMMANDS =
      new Spec(
          "occupation.commands", 6, Map.of("cleanup.policy", "delete", "retention.ms", WEEK_MS));

  public static final Spec EVENTS =
      new Spec(
          "occupation.events",
          6,
          Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1"));

  public static final Spec REPLIES =
      new Spec(
          "occupation.replies",
          6,
          Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(24L * 3600 * 1000)));

  public static final Spec SPOOL_CATALOG =
      new Spec(
          "spools.catalog", 3, Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));

  public static final Spec WORKER_CATALOG =
      new Spec(
          "workers.catalog", 1, Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));

  /**
   * The API's caller credentials (tablets, supervisors, admins), keyed by the SHA-256 of the token:
   * the latest entry per token says who it is and whether it is revoked. Compacted and kept
   * forever; written and read only by command-api.
   */
  public static final Spec SECURITY_CREDENTIALS =
      new Spec(
          "security.credentials",
          1,
          Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));

  /** Commands that could not be parsed, with the cause in headers; kept for 30 days. */
  public static final Spec COMMANDS_DLT =
      new Spec(
          "occupation.commands.DLT",
          1,
          Map.of(
              "cleanup.policy", "delete", "retention.ms", String.valueOf(30L * 24 * 3600 * 1000)));

  public static final List<Spec> ALL =
      List.of(
          COMMANDS,
          EVENTS,
          REPLIES,
          SPOOL_CATALOG,
          WORKER_CATALOG,
          SECURITY_CREDENTIALS,
          COMMANDS_DLT);

  private Topics() {}
}
