package cl.zeues.occupation.processor.occupation.kafka;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.EventUpcasters;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.processor.occupation.EventLog;
import cl.zeues.occupation.topicreader.EndNotReachedException;
import cl.zeues.occupation.topicreader.ReadLimits;
import cl.zeues.occupation.topicreader.TopicRead;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads a partition of {@code occupation.events} from its first offset, and the rejections in
 * {@code occupation.replies}, with read_committed consumers of its own (no group, no offsets
 * committed). The events of a commands partition's spools sit in the events partition with the same
 * number: both topics are keyed by tag with the same partition count ({@link Topics}).
 */
final class KafkaEventLog implements EventLog {

  private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers;
  private final Admin admin;
  private final JsonCodec codec;
  private final Duration openTransactionWait;

  /**
   * @param openTransactionWait how long to wait for transactions still open at the log's end (a
   *     crashed instance's stays open until the broker aborts it, {@code transaction.timeout.ms})
   */
  KafkaEventLog(
      Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers,
      Admin admin,
      JsonCodec codec,
      Duration openTransactionWait) {
    this.consumers = consumers;
    this.admin = admin;
    this.codec = codec;
    this.openTransactionWait = openTransactionWait;
  }

  @Override
  public long replay(int partition, BiConsumer<OccupationEvent, byte[]> sink) {
    TopicPartition events = new TopicPartition(Topics.EVENTS.name(), partition);
    long end = logEnd(events);
    AtomicLong read = new AtomicLong();
    try (var consumer = consumers.get()) {
      consumer.assign(List.of(events));
      // read_committed up to the high watermark: the position passes it only once every
      // transaction up to it is decided, so no event committed before the end is missed.
      TopicRead.to(consumer, Map.of(events, end))
          .readToEnd(
              records -> {
                for (ConsumerRecord<String, byte[]> record : records) {
                  var ceType = record.headers().lastHeader("ce_type");
                  sink.accept(
                      codec.readEvent(
                          record.value(),
                          ceType == null
                              ? null
                              : new String(ceType.value(), StandardCharsets.UTF_8),
                          EventUpcasters.NONE),
                      record.value());
                  read.incrementAndGet();
                }
              },
              ReadLimits.within(openTransactionWait));
    } catch (EndNotReachedException e) {
      throw new IllegalStateException(
          events
              + ": a transaction is still open before offset "
              + end
              + " after "
              + openTransactionWait
              + "; the rebuild is retried with the batch",
          e);
    }
    return read.get();
  }

  @Override
  public long rejections(int partition, Instant since, Consumer<CommandReply.Rejected> sink) {
    AtomicLong read = new AtomicLong();
    try (var consumer = consumers.get()) {
      List<TopicPartition> replies =
          IntStream.range(0, Topics.REPLIES.partitions())
              .mapToObj(p -> new TopicPartition(Topics.REPLIES.name(), p))
              .toList();
      consumer.assign(replies);
      TopicRead<String, byte[]> toEnd = TopicRead.toEndOffsets(consumer, replies); // the LSO
      Map<TopicPartition, Long> from = new HashMap<>();
      replies.forEach(tp -> from.put(tp, since.toEpochMilli()));
      Map<TopicPartition, Long> starts = new HashMap<>();
      consumer
          .offsetsForTimes(from)
          .forEach((tp, found) -> starts.put(tp, found == null ? toEnd.end(tp) : found.offset()));
      toEnd
          .startingAt(starts)
          .readToEnd(
              records -> {
                for (ConsumerRecord<String, byte[]> record : records) {
                  if (codec.read(record.value(), CommandReply.class)
                          instanceof CommandReply.Rejected r
                      && commandsPartitionOf(r.tagSpool()) == partition) {
                    sink.accept(r);
                    read.incrementAndGet();
                  }
                }
              },
              ReadLimits.within(openTransactionWait));
    } catch (EndNotReachedException e) {
      throw new IllegalStateException(
          "could not read " + Topics.REPLIES.name() + " to its end in " + openTransactionWait, e);
    }
    return read.get();
  }

  /** Where the producers' default partitioner puts a command keyed by {@code tag}. */
  static int commandsPartitionOf(String tag) {
    return Utils.toPositive(Utils.murmur2(tag.getBytes(StandardCharsets.UTF_8)))
        % Topics.COMMANDS.partitions();
  }

  /** The partition's end including undecided transactions (the high watermark). */
  private long logEnd(TopicPartition events) {
    try {
      return admin
          .listOffsets(Map.of(events, OffsetSpec.latest()))
          .partitionResult(events)
          .get(30, TimeUnit.SECONDS)
          .offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the end of " + events, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("could not read the end of " + events + ": " + e.getMessage(), e);
    }
  }
}
