package cl.zeues.occupation.events;

import java.util.List;
import java.util.Map;

/**
 * Every topic the system uses, with its partitions and configs: the one place they are named.
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

  /** Commands that could not be parsed, with the cause in headers; kept for 30 days. */
  public static final Spec COMMANDS_DLT =
      new Spec(
          "occupation.commands.DLT",
          1,
          Map.of(
              "cleanup.policy", "delete", "retention.ms", String.valueOf(30L * 24 * 3600 * 1000)));

  public static final List<Spec> ALL =
      List.of(COMMANDS, EVENTS, REPLIES, SPOOL_CATALOG, WORKER_CATALOG, COMMANDS_DLT);

  private Topics() {}
}
