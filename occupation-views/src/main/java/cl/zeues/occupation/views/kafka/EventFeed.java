package cl.zeues.occupation.views.kafka;

import cl.zeues.occupation.events.EventUpcasters;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.model.SpoolChanges;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds {@link OccupationViews} from {@code occupation.events}: one read_committed consumer of its
 * own (partitions assigned, no group, nothing committed) reads every partition from offset 0 and
 * follows the log for as long as the application runs. The view is marked loaded once the consumer
 * has passed the end every partition had at start; from then on each change is also handed to the
 * {@link SpoolChanges} listeners (the live stream).
 *
 * <p>A record that is not a valid event is skipped and counted, never fatal: one bad record must
 * not blind every tablet.
 */
public final class EventFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final String topic;
  private final Supplier<Consumer<String, byte[]>> consumers;
  private final OccupationViews views;
  private final List<SpoolChanges> listeners;
  private final JsonCodec codec = new JsonCodec();
  private final LongAdder malformed = new LongAdder();
  private volatile boolean running;
  private volatile boolean failed;
  private volatile @Nullable Duration rebuildTime;
  private volatile long rebuildEvents;
  private volatile @Nullable Consumer<String, byte[]> consumer;
  private @Nullable Thread reader;

  public EventFeed(
      String topic,
      Supplier<Consumer<String, byte[]>> consumers,
      OccupationViews views,
      List<SpoolChanges> listeners) {
    this.topic = topic;
    this.consumers = consumers;
    this.views = views;
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    failed = false;
    reader = Thread.ofPlatform().name("occupation-views-feed").daemon().start(this::read);
  }

  @Override
  public synchronized void stop() {
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

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Whether the reader stopped on an error (the view no longer follows the log). */
  public boolean hasFailed() {
    return failed;
  }

  /** How long the first full read of the log took; null until loaded. */
  public @Nullable Duration rebuildTime() {
    return rebuildTime;
  }

  /** How many records the first full read folded. */
  public long rebuildEvents() {
    return rebuildEvents;
  }

  public long malformedCount() {
    return malformed.sum();
  }

  private void read() {
    long started = System.nanoTime();
    long read = 0;
    try (Consumer<String, byte[]> c = consumers.get()) {
      consumer = c;
      List<TopicPartition> partitions = awaitPartitions(c);
      c.assign(partitions);
      c.seekToBeginning(partitions);
      // read_committed: the last stable offsets, so open transactions are waited for, not skipped
      Map<TopicPartition, Long> ends = c.endOffsets(partitions);
      boolean live = false;
      while (running) {
        ConsumerRecords<String, byte[]> records = c.poll(POLL);
        for (ConsumerRecord<String, byte[]> record : records) {
          read++;
          OccupationEvent event = decode(record);
          if (event != null
              && views.apply(event) instanceof OccupationViews.Applied.Changed changed
              && live) {
            tell(changed);
          }
        }
        if (!records.isEmpty()) {
          views.signalAdvanced();
        }
        if (!live && reached(c, ends)) {
          live = true;
          rebuildTime = Duration.ofNanos(System.nanoTime() - started);
          rebuildEvents = read;
          views.markLoaded();
          log.info(
              "occupation views loaded from {}: {} records, {} spools in {} ms",
              topic,
              read,
              views.size(),
              rebuildTime.toMillis());
        }
      }
    } catch (WakeupException e) {
      // stop() woke the consumer up: a normal shutdown
    } catch (RuntimeException e) {
      failed = true;
      log.error("the occupation views stopped following {}", topic, e);
    }
  }

  private void tell(OccupationViews.Applied.Changed changed) {
    for (SpoolChanges listener : listeners) {
      try {
        listener.changed(changed.event(), changed.view());
      } catch (RuntimeException e) {
        log.warn("listener {} failed on {}", listener, changed.event().eventId(), e);
      }
    }
  }

  private @Nullable OccupationEvent decode(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      malformed.increment();
      return null;
    }
    try {
      Header ceType = record.headers().lastHeader("ce_type");
      return codec.readEvent(
          record.value(),
          ceType == null ? null : new String(ceType.value(), StandardCharsets.UTF_8),
          EventUpcasters.NONE);
    } catch (JsonCodec.MalformedRecordException e) {
      malformed.increment();
      log.warn(
          "skipping record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return null;
    }
  }

  private static boolean reached(Consumer<String, byte[]> c, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (c.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> c) {
    while (running) {
      List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      log.info("waiting for topic {}", topic);
    }
    throw new WakeupException();
  }
}
