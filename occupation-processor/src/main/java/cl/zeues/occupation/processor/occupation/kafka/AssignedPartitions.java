package cl.zeues.occupation.processor.occupation.kafka;

import cl.zeues.occupation.processor.occupation.StoreRecovery;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Tells {@link StoreRecovery} where each newly assigned commands partition resumes: everything
 * before its committed position was decided (by this instance or another), so the store must hold
 * it, and is checked before the first command is decided.
 */
final class AssignedPartitions implements ConsumerAwareRebalanceListener {

  private final StoreRecovery recovery;

  AssignedPartitions(StoreRecovery recovery) {
    this.recovery = recovery;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      recovery.assigned(partition.partition(), consumer.position(partition));
    }
  }
}
