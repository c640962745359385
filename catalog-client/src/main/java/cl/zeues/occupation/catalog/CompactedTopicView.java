package cl.zeues.occupation.catalog;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.topicreader.ReadLimits;
import cl.zeues.occupation.topicreader.TopicRead;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest value per key of a compacted topic, held in memory: one background consumer reads it
 * from the beginning and follows it for as long as the view runs (catalogs of a few thousand small
 * entries). A tombstone removes its key.
 *
 * <p>A lookup that misses waits (boundedly) until the view has read everything committed to the
 * topic at the time of the lookup, so an entry published just before its first use is found. With a
 * miss TTL, a key still missing after that wait is answered "absent" from memory for the TTL (until
 * the topic delivers it, which ends the TTL at once), and once the view is loaded, a catch-up that
 * failed (broker unreachable) is not tried again by any lookup for the TTL: a flood of unknown keys
 * costs no broker calls or waits beyond one per key and TTL (one in all while the broker is gone).
 *
 * @param <V> the JSON record type of the values
 */
public final class CompactedTopicView<V> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CompactedTopicView.class);
  private static final Duration POLL = Duration.ofMillis(200);

  /** Most unknown keys remembered at once; beyond it a miss is not remembered (bounded memory). */
  static final int MAX_REMEMBERED_MISSES = 10_000;

  private final String topic;
  private final Class<V> type;
  private final Supplier<Consumer<String, byte[]>> consumers;
  private final Admin admin;
  private final JsonCodec codec;
  private final Duration catchUpWait;
  private final long missTtlNanos;
  private final Map<String, Long> missedUntil = new ConcurrentHashMap<>();
  private volatile long catchUpFailedUntil = System.nanoTime();
  private final Map<String, V> entries = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  private volatile boolean running;
  private volatile boolean loaded;
  private volatile @Nullable Consumer<String, byte[]> consumer;
  private @Nullable Thread reader;

  /**
   * @param consumers makes the view's consumer (no group needed: partitions are assigned)
   * @param admin used to learn the topic's end offsets when a lookup misses
   */
  public CompactedTopicView(
      String topic,
      Class<V> type,
      Supplier<Consumer<String, byte[]>> consumers,
      Admin admin,
      JsonCodec codec,
      Duration catchUpWait) {
    this(topic, type, consumers, admin, codec, catchUpWait, Duration.ZERO);
  }

  /**
   * @param missTtl how long a key found missing after a catch-up is answered absent without another
   *     catch-up (zero: every miss catches up)
   */
  public CompactedTopicView(
      String topic,
      Class<V> type,
      Supplier<Consumer<String, byte[]>> consumers,
      Admin admin,
      JsonCodec codec,
      Duration catchUpWait,
      Duration missTtl) {
    this.missTtlNanos = missTtl.toNanos();
    this.topic = topic;
    this.type = type;
    this.consumers = consumers;
    this.admin = admin;
    this.codec = codec;
    this.catchUpWait = catchUpWait;
  }

  /** The value for {@code key}, looked up again after catching up with the topic on a miss. */
  public Optional<V> find(String key) {
    V value = entries.get(key);
    if (value != null || recentlyMissed(key)) {
      return Optional.ofNullable(value);
    }
    if (catchUp()) {
      value = entries.get(key);
    } else if (loaded && missTtlNanos > 0) {
      catchUpFailedUntil = System.nanoTime() + missTtlNanos;
    }
    // Before the first full read the view knows nothing yet: nothing is remembered then.
    if (value == null && loaded) {
      rememberMiss(key);
    }
    return Optional.ofNullable(value);
  }

  /** Whether {@code key} was found missing within the miss TTL, or catching up failed then. */
  private boolean recentlyMissed(String key) {
    if (missTtlNanos == 0) {
      return false;
    }
    long now = System.nanoTime();
    if (now - catchUpFailedUntil < 0) {
      return true;
    }
    Long until = missedUntil.get(key);
    return until != null && now - until < 0;
  }

  private void rememberMiss(String key) {
    if (missTtlNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    if (missedUntil.size() >= MAX_REMEMBERED_MISSES) {
      missedUntil.values().removeIf(until -> now - until >= 0);
      if (missedUntil.size() >= MAX_REMEMBERED_MISSES) {
        return;
      }
    }
    missedUntil.put(key, now + missTtlNanos);
  }

  /** How many unknown keys are remembered now (at most {@link #MAX_REMEMBERED_MISSES}). */
  public int rememberedMisses() {
    return missedUntil.size();
  }

  /** Every entry known now. */
  public Map<String, V> snapshot() {
    return Map.copyOf(entries);
  }

  /** Whether the first full read of the topic has finished. */
  public boolean isLoaded() {
    return loaded;
  }

  public int size() {
    return entries.size();
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    reader = Thread.ofPlatform().name("catalog-view-" + topic).daemon().start(this::read);
  }

  @Override
  public synchronized void close() {
    running = false;
    Consumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    Thread t = reader;
    if (t != null) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public boolean isRunning() {
    return running;
  }

  /** Waits until the reader has seen everything committed to the topic now; false on timeout. */
  boolean catchUp() {
    long deadline = System.nanoTime() + catchUpWait.toNanos();
    while (!loaded) {
      if (System.nanoTime() > deadline || !pause()) {
        log.warn("{} not loaded yet after {}", topic, catchUpWait);
        return false;
      }
    }
    Map<TopicPartition, Long> ends = endOffsets();
    if (ends == null) {
      return false;
    }
    while (!reached(ends)) {
      if (System.nanoTime() > deadline || !pause()) {
        log.warn("{} did not catch up with {} within {}", topic, ends, catchUpWait);
        return false;
      }
    }
    return true;
  }

  private static boolean pause() {
    try {
      Thread.sleep(5);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
  }

  /** The topic's end offsets now; null when the broker did not tell within the wait. */
  private @Nullable Map<TopicPartition, Long> endOffsets() {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    positions.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
    if (request.isEmpty()) {
      return Map.of();
    }
    try {
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get(catchUpWait.toMillis(), TimeUnit.MILLISECONDS)
          .forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      log.warn("could not read the end offsets of {}: {}", topic, e.toString());
      return null;
    }
  }

  private void read() {
    try (Consumer<String, byte[]> c = consumers.get()) {
      consumer = c;
      List<TopicPartition> partitions = awaitPartitions(c);
      c.assign(partitions);
      TopicRead.toEndOffsets(c, partitions)
          .readToEnd(records -> records.forEach(this::apply), ReadLimits.none());
      updatePositions(c, partitions);
      loaded = true;
      log.info("{} loaded: {} entries", topic, entries.size());
      while (running) {
        for (ConsumerRecord<String, byte[]> record : c.poll(POLL)) {
          apply(record);
        }
        updatePositions(c, partitions);
      }
    } catch (WakeupException e) {
      // close() woke the consumer up: a normal shutdown
    } catch (RuntimeException e) {
      log.error("reader of {} stopped", topic, e);
    }
  }

  private void updatePositions(Consumer<String, byte[]> c, List<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      positions.put(tp, c.position(tp));
    }
  }

  private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> c) {
    while (running) {
      List<TopicPartition> partitions = TopicRead.partitionsOf(c, topic, Duration.ofSeconds(5));
      if (!partitions.isEmpty()) {
        return partitions;
      }
      log.info("waiting for topic {}", topic);
    }
    throw new WakeupException();
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      entries.remove(record.key());
      return;
    }
    try {
      entries.put(record.key(), codec.read(record.value(), type));
      missedUntil.remove(record.key());
    } catch (JsonCodec.MalformedRecordException e) {
      log.warn("ignoring malformed {} entry for {}: {}", topic, record.key(), e.getMessage());
    }
  }
}
