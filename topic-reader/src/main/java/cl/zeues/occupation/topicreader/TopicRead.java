package cl.zeues.occupation.topicreader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * A read of some partitions of one topic from their beginning up to end offsets fixed when the read
 * starts, so it describes one well-defined prefix of a topic that keeps growing. With a {@code
 * read_committed} consumer, {@link #toEndOffsets} ends at the last stable offset: a position passes
 * it only once every transaction before it is decided, so nothing committed before the end is
 * missed.
 *
 * <p>Two ways to use it. {@link #readToEnd} polls until every partition's position has reached its
 * end. A consumer whose own loop keeps polling past the end (a projector rebuilding state from the
 * beginning, then projecting) only asks {@link #isBeforeEnd} of each record.
 *
 * <p>The consumer must have the partitions assigned (by {@code assign}, or by its group) before the
 * read is made; the read seeks them to their beginning. Not thread-safe: used by the consumer's
 * thread, like the consumer.
 *
 * @param <K> the consumer's key type
 * @param <V> the consumer's value type
 */
public final class TopicRead<K, V> {

  private static final long OUTSIDE = -1;

  private final org.apache.kafka.clients.consumer.Consumer<K, V> consumer;
  private final String topic;
  private final Map<TopicPartition, Long> ends;
  private final Map<TopicPartition, Long> starts = new HashMap<>();

  /** The end offset by partition number, {@link #OUTSIDE} for partitions not read: per record. */
  private final long[] endByPartition;

  private TopicRead(
      org.apache.kafka.clients.consumer.Consumer<K, V> consumer, Map<TopicPartition, Long> ends) {
    this.consumer = consumer;
    this.ends = Map.copyOf(ends);
    this.topic = ends.isEmpty() ? "" : ends.keySet().iterator().next().topic();
    int size = 0;
    for (TopicPartition partition : ends.keySet()) {
      if (!partition.topic().equals(topic)) {
        throw new IllegalArgumentException("one topic per read, not " + ends.keySet());
      }
      size = Math.max(size, partition.partition() + 1);
    }
    endByPartition = new long[size];
    Arrays.fill(endByPartition, OUTSIDE);
    ends.forEach((partition, end) -> endByPartition[partition.partition()] = end);
    consumer.seekToBeginning(ends.keySet());
  }

  /**
   * Rewinds {@code partitions} and reads them up to their end offsets now ({@code read_committed}:
   * the last stable offset; otherwise the high watermark).
   *
   * @param timeout how long asking for the end offsets may take
   * @throws org.apache.kafka.common.errors.TimeoutException when the brokers did not answer in time
   */
  public static <K, V> TopicRead<K, V> toEndOffsets(
      org.apache.kafka.clients.consumer.Consumer<K, V> consumer,
      Collection<TopicPartition> partitions,
      Duration timeout) {
    return new TopicRead<>(consumer, consumer.endOffsets(partitions, timeout));
  }

  /** {@link #toEndOffsets(org.apache.kafka.clients.consumer.Consumer, Collection, Duration)} */
  public static <K, V> TopicRead<K, V> toEndOffsets(
      org.apache.kafka.clients.consumer.Consumer<K, V> consumer,
      Collection<TopicPartition> partitions) {
    return new TopicRead<>(consumer, consumer.endOffsets(partitions));
  }

  /** Rewinds the partitions of {@code ends} and reads each up to its given offset (exclusive). */
  public static <K, V> TopicRead<K, V> to(
      org.apache.kafka.clients.consumer.Consumer<K, V> consumer, Map<TopicPartition, Long> ends) {
    return new TopicRead<>(consumer, ends);
  }

  /**
   * The topic's partitions, or none when it does not exist (asked without creating it only if the
   * consumer has {@code allow.auto.create.topics=false}).
   */
  public static List<TopicPartition> partitionsOf(
      org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, String topic, Duration timeout) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null) {
      return List.of();
    }
    return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
  }

  /**
   * Starts some partitions at the given offsets instead of their beginning (e.g. from a time, found
   * with {@code offsetsForTimes}).
   */
  public TopicRead<K, V> startingAt(Map<TopicPartition, Long> offsets) {
    offsets.forEach(
        (partition, offset) -> {
          if (!ends.containsKey(partition)) {
            throw new IllegalArgumentException(partition + " is not part of this read");
          }
          consumer.seek(partition, offset);
          starts.put(partition, offset);
        });
    return this;
  }

  /** The end offset of each partition read (exclusive). */
  public Map<TopicPartition, Long> ends() {
    return ends;
  }

  /** The end offset of {@code partition}; 0 for a partition this read does not cover. */
  public long end(TopicPartition partition) {
    return ends.getOrDefault(partition, 0L);
  }

  /**
   * Whether {@code record} lies before its partition's end, inside the prefix this read describes.
   * False for a record of a partition the read does not cover.
   */
  public boolean isBeforeEnd(ConsumerRecord<?, ?> record) {
    int partition = record.partition();
    return partition < endByPartition.length
        && record.offset() < endByPartition[partition]
        && topic.equals(record.topic());
  }

  /**
   * Polls until every partition's position has reached its end, handing each poll's records to
   * {@code sink} in poll order (per partition, offset order). The polls that reach the end may also
   * carry records at or past it; {@link #isBeforeEnd} tells them apart. Partitions already at their
   * end are paused meanwhile (nothing more is fetched for them) and resumed before returning.
   *
   * @throws EndNotReachedException when {@code limits} ran out first
   * @throws org.apache.kafka.common.KafkaException when the consumer failed
   * @throws org.apache.kafka.common.errors.WakeupException when the consumer was woken up
   */
  public void readToEnd(Consumer<ConsumerRecords<K, V>> sink, ReadLimits limits) {
    readToEnd(sink, limits, null);
  }

  /**
   * {@link #readToEnd(Consumer, ReadLimits)}, telling {@code progress} after every poll how far the
   * read has come (costs one request for the beginning offsets).
   */
  public void readToEnd(
      Consumer<ConsumerRecords<K, V>> sink, ReadLimits limits, @Nullable ReadProgress progress) {
    long started = System.nanoTime();
    Map<TopicPartition, Long> begins = progress == null ? Map.of() : begins(limits);
    long total = 0;
    Map<TopicPartition, Long> remaining = new LinkedHashMap<>();
    List<TopicPartition> done = new ArrayList<>();
    for (Map.Entry<TopicPartition, Long> entry : ends.entrySet()) {
      TopicPartition partition = entry.getKey();
      long end = entry.getValue();
      if (progress != null) {
        long begin = begins.getOrDefault(partition, 0L);
        if (end > begin) {
          total += end - begin;
          remaining.put(partition, end);
        } else {
          done.add(partition);
        }
      } else if (position(partition, limits) < end) {
        remaining.put(partition, end);
      } else {
        done.add(partition);
      }
    }
    List<TopicPartition> paused = new ArrayList<>(done);
    consumer.pause(done);
    try {
      long lastProgress = System.nanoTime();
      while (!remaining.isEmpty()) {
        ConsumerRecords<K, V> records = consumer.poll(limits.poll());
        if (!records.isEmpty()) {
          sink.accept(records);
          lastProgress = System.nanoTime();
        }
        done.clear();
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> entry : remaining.entrySet()) {
          long position = position(entry.getKey(), limits);
          if (position >= entry.getValue()) {
            done.add(entry.getKey());
          } else {
            behind +=
                entry.getValue() - Math.max(position, begins.getOrDefault(entry.getKey(), 0L));
          }
        }
        if (!done.isEmpty()) {
          done.forEach(remaining::remove);
          consumer.pause(done);
          paused.addAll(done);
          lastProgress = System.nanoTime();
        }
        if (!remaining.isEmpty()) {
          limits.check(started, lastProgress, remaining);
        }
        if (progress != null) {
          progress.update(total - behind, total);
        }
      }
      if (progress != null) {
        progress.finished(total);
      }
    } finally {
      consumer.resume(paused);
    }
  }

  private Map<TopicPartition, Long> begins(ReadLimits limits) {
    Duration timeout = limits.apiTimeout();
    Map<TopicPartition, Long> begins =
        new HashMap<>(
            timeout == null
                ? consumer.beginningOffsets(ends.keySet())
                : consumer.beginningOffsets(ends.keySet(), timeout));
    starts.forEach((partition, start) -> begins.merge(partition, start, Math::max));
    return begins;
  }

  private long position(TopicPartition partition, ReadLimits limits) {
    Duration timeout = limits.apiTimeout();
    return timeout == null ? consumer.position(partition) : consumer.position(partition, timeout);
  }
}
