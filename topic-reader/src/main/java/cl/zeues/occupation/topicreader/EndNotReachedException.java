package cl.zeues.occupation.topicreader;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A {@link TopicRead} that gave up before every partition reached its end: the brokers stopped
 * answering, or a transaction stayed open before the end (read_committed).
 */
public final class EndNotReachedException extends RuntimeException {

  private final Map<TopicPartition, Long> unfinished;

  EndNotReachedException(Map<TopicPartition, Long> unfinished, String why) {
    super(unfinished + ": " + why);
    this.unfinished = Map.copyOf(unfinished);
  }

  /** The partitions not read to their end, with the ends they did not reach. */
  public Map<TopicPartition, Long> unfinished() {
    return unfinished;
  }
}
