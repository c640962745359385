package cl.zeues.occupation.audit.backup;

import cl.zeues.occupation.audit.log.CannotRunException;
import cl.zeues.occupation.audit.log.KafkaSource;
import cl.zeues.occupation.events.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

/**
 * The topic a backup is restored into, made ready or refused: created when missing with the
 * backup's partition count and the events topic's configs ({@link Topics#EVENTS}: kept forever);
 * refused when it has another partition count (new events of a spool would then land in another
 * partition than its restored history) or, unless allowed, when it already holds records.
 */
public final class RestoreTarget implements AutoCloseable {

  private final KafkaSource target;
  private final Admin admin;

  public RestoreTarget(KafkaSource target) {
    this.target = target;
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, target.timeout().toMillis());
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "zeues-audit-tool-restore");
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    try {
      admin = Admin.create(config);
    } catch (KafkaException e) {
      throw new CannotRunException(
          "cannot use bootstrap servers '" + target.bootstrapServers() + "': " + e.getMessage(), e);
    }
  }

  /**
   * How the target was found: missing (to be created), or existing with {@code offsetsHeld} offsets
   * (records and transaction markers) already in it.
   */
  public record Readiness(boolean missing, long offsetsHeld) {}

  /**
   * Checks, without changing anything, that the backup may go into the target topic.
   *
   * @throws CannotRunException when it may not, saying why
   */
  public Readiness check(int partitions, boolean allowNonEmpty) {
    TopicDescription existing = describe();
    if (existing == null) {
      return new Readiness(true, 0);
    }
    int found = existing.partitions().size();
    if (found != partitions) {
      throw new CannotRunException(
          "topic "
              + target.topic()
              + " at "
              + target.bootstrapServers()
              + " has "
              + found
              + " partitions, the backup "
              + partitions
              + ": a spool's new events would land in another partition than its restored"
              + " history; restore into a topic with "
              + partitions
              + " partitions (or none: it is then created)");
    }
    long held = offsetsHeld(existing);
    if (held > 0 && !allowNonEmpty) {
      throw new CannotRunException(
          "topic "
              + target.topic()
              + " at "
              + target.bootstrapServers()
              + " already holds "
              + String.format(java.util.Locale.ROOT, "%,d", held)
              + " offsets: restoring would mix two histories; restore into an empty or missing"
              + " topic, or pass --allow-non-empty to append anyway");
    }
    return new Readiness(false, held);
  }

  /** Creates the missing target topic as the events topic is created, with the backup's count. */
  public void create(int partitions, Topics.Replication replication) {
    NewTopic topic =
        new NewTopic(target.topic(), partitions, (short) replication.factor())
            .configs(Topics.EVENTS.configs(replication));
    await(admin.createTopics(List.of(topic)).all(), "create topic " + target.topic());
  }

  private @Nullable TopicDescription describe() {
    try {
      return admin
          .describeTopics(List.of(target.topic()))
          .allTopicNames()
          .get(target.timeout().toMillis(), TimeUnit.MILLISECONDS)
          .get(target.topic());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return null;
      }
      throw failed("describe topic " + target.topic(), e);
    } catch (InterruptedException | TimeoutException e) {
      throw failed("describe topic " + target.topic(), e);
    }
  }

  private long offsetsHeld(TopicDescription topic) {
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    topic
        .partitions()
        .forEach(
            info -> {
              TopicPartition partition = new TopicPartition(target.topic(), info.partition());
              earliest.put(partition, OffsetSpec.earliest());
              latest.put(partition, OffsetSpec.latest());
            });
    Map<TopicPartition, ListOffsetsResultInfo> starts =
        await(admin.listOffsets(earliest).all(), "list offsets of " + target.topic());
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        await(admin.listOffsets(latest).all(), "list offsets of " + target.topic());
    long held = 0;
    for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
      held += end.getValue().offset() - starts.get(end.getKey()).offset();
    }
    return held;
  }

  private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
    try {
      return future.get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | InterruptedException | TimeoutException e) {
      throw failed(what, e);
    }
  }

  private CannotRunException failed(String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    String reason =
        e instanceof TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException
            ? "no answer within "
                + target.timeout().toSeconds()
                + "s (is the broker running? see --bootstrap-servers)"
            : String.valueOf(cause.getMessage());
    return new CannotRunException(
        "cannot " + what + " at " + target.bootstrapServers() + ": " + reason, e);
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(2));
  }
}
