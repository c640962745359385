package cl.zeues.occupation.api.occupation.kafka;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Tracks the reply consumer's partitions; the instance is not ready until it has them, or replies
 * to its first commands could pass unseen.
 */
class ReplyAssignment extends AbstractHealthIndicator implements ConsumerAwareRebalanceListener {

  private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    // position() forces the auto.offset.reset=latest lookup now, so any reply published after we
    // report ready is at or after the position and will be read.
    partitions.forEach(consumer::position);
    assigned.addAll(partitions);
  }

  @Override
  public void onPartitionsRevokedAfterCommit(
      Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assigned.removeAll(partitions);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assigned.removeAll(partitions);
  }

  boolean isAssigned() {
    return !assigned.isEmpty();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.status(isAssigned() ? "UP" : "DOWN").withDetail("partitions", assigned.size());
  }
}
