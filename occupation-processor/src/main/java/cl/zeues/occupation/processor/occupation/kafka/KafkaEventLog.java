package cl.zeues.occupation.processor.occupation.kafka;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.EventUpcasters;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.processor.occupation.EventLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  private static final Duration POLL = Duration.ofMillis(200);

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
  public long replay(int partition, Consumer<OccupationEvent> sink) {
    TopicPartition events = new TopicPartition(Topics.EVENTS.name(), partition);
    long end = logEnd(events);
    long deadline = System.nanoTime() + openTransactionWait.toNanos();
    long read = 0;
    try (var consumer = consumers.get()) {
      consumer.assign(List.of(events));
      consumer.seekToBeginning(List.of(events));
      // read_committed: the position passes the end only once every transaction up to it is
      // decided, so no event committed before the end is missed.
      while (consumer.position(events) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              events
                  + ": a transaction is still open before offset "
                  + end
                  + " after "
                  + openTransactionWait
                  + "; the rebuild is retried with the batch");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          var ceType = record.headers().lastHeader("ce_type");
          sink.accept(
              codec.readEvent(
                  record.value(),
                  ceType == null ? null : new String(ceType.value(), StandardCharsets.UTF_8),
                  EventUpcasters.NONE));
          read++;
        }
      }
    }
    return read;
  }

  @Override
  public long rejections(int partition, Instant since, Consumer<CommandReply.Rejected> sink) {
    long read = 0;
    try (var consumer = consumers.get()) {
      List<TopicPartition> replies =
          IntStream.range(0, Topics.REPLIES.partitions())
              .mapToObj(p -> new TopicPartition(Topics.REPLIES.name(), p))
              .toList();
      consumer.assign(replies);
      Map<TopicPartition, Long> end = consumer.endOffsets(replies); // read_committed: the LSO
      Map<TopicPartition, Long> from = new HashMap<>();
      replies.forEach(tp -> from.put(tp, since.toEpochMilli()));
      consumer
          .offsetsForTimes(from)
          .forEach(
              (tp, found) -> {
                if (found == null) {
                  consumer.seek(tp, end.get(tp));
                } else {
                  consumer.seek(tp, found.offset());
                }
              });
      long deadline = System.nanoTime() + openTransactionWait.toNanos();
      while (replies.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + Topics.REPLIES.name() + " to its end in " + openTransactionWait);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (codec.read(record.value(), CommandReply.class) instanceof CommandReply.Rejected r
              && commandsPartitionOf(r.tagSpool()) == partition) {
            sink.accept(r);
            read++;
          }
        }
      }
    }
    return read;
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
