package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.events.TimingHeaders;
import cl.zeues.occupation.events.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code occupation.replies} beside the command-api (read_committed, as its reply consumer
 * does) to see the stamps of the replies the API answers over HTTP, and when a reply could be read:
 * each reply is joined, by its command id, with its HTTP answer into a {@link Breakdown}. Reads
 * only while a breakdown is wanted (one more consumer on the broker costs a little).
 */
final class ReplyWatch implements AutoCloseable {

  /** What is known of one command so far: its reply read, or its HTTP answer. */
  private record Half(@Nullable Headers reply, long replyRead, long sent, long answered) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Half> halves = new ConcurrentHashMap<>();
  private final Thread reader;
  private volatile boolean running = true;
  private volatile @Nullable Breakdown breakdown;

  ReplyWatch(String brokers, String clientId) {
    this.consumer = KafkaRequestReply.replyConsumer(brokers, Topics.REPLIES.name(), clientId);
    this.reader = Thread.ofPlatform().name(clientId).daemon().start(this::read);
  }

  /** From now on joins go to {@code breakdown}; what was half known before is dropped. */
  void breakdownInto(@Nullable Breakdown breakdown) {
    halves.clear();
    this.breakdown = breakdown;
  }

  /** The HTTP answer of {@code commandId}: sent and answered at these epoch microseconds. */
  void answered(String commandId, long sent, long answered) {
    if (breakdown != null) {
      join(commandId, new Half(null, 0, sent, answered));
    }
  }

  private void read() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (breakdown != null && record.key() != null) {
            join(record.key(), new Half(record.headers(), TimingHeaders.now(), 0, 0));
          }
        }
      }
    } catch (WakeupException e) {
      // close() woke the reader up.
    } finally {
      consumer.close();
    }
  }

  private void join(String commandId, Half half) {
    halves.compute(
        commandId,
        (id, other) -> {
          if (other == null) {
            return half;
          }
          Half reply = half.reply() != null ? half : other;
          Half answer = half.reply() != null ? other : half;
          Breakdown timings = breakdown;
          if (timings != null && reply.reply() != null) {
            timings.record(answer.sent(), reply.reply(), reply.replyRead(), answer.answered());
          }
          return null;
        });
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
