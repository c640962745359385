package cl.zeues.occupation.audit.log;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the sheets projector has landed: its consumer group's committed offsets on the events
 * topic. It commits only after a flush reached the sheet, so everything below is in the sheet and
 * what is above may still be on its way (lag, not drift).
 */
public final class ProjectorProgress {

  private ProjectorProgress() {}

  /** Committed offset per partition; empty when the group has committed nothing (or is unknown). */
  public static Map<Integer, Long> committed(KafkaSource source, String group) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) source.timeout().toMillis(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) source.timeout().toMillis());
    try (Admin admin = Admin.create(config)) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(source.timeout().toMillis(), TimeUnit.MILLISECONDS);
      Map<Integer, Long> committed = new HashMap<>();
      offsets.forEach(
          (partition, offset) -> {
            if (partition.topic().equals(source.topic()) && offset != null) {
              committed.put(partition.partition(), offset.offset());
            }
          });
      return committed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CannotRunException("interrupted while reading the offsets of group " + group);
    } catch (ExecutionException
        | java.util.concurrent.TimeoutException
        | org.apache.kafka.common.KafkaException e) {
      throw new CannotRunException(
          "cannot read the committed offsets of group "
              + group
              + " at "
              + source.bootstrapServers()
              + ": "
              + LogReader.rootMessage(e),
          e);
    }
  }

  /**
   * Whether a record is beyond the committed offsets (all pending for an uncommitted partition).
   */
  public static boolean pending(Map<Integer, Long> committed, RecordRef ref) {
    if (committed.isEmpty()) {
      return false;
    }
    Long offset = committed.get(ref.partition());
    return offset == null || ref.offset() >= offset;
  }
}
