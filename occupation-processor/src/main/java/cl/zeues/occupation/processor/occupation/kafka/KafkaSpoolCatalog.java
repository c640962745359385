package cl.zeues.occupation.processor.occupation.kafka;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.processor.occupation.SpoolCatalog;
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
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * An in-memory view of the compacted {@code spools.catalog} topic, read from the beginning by one
 * background consumer that follows it for as long as the processor runs (2,000-3,000 small entries:
 * memory is not a concern).
 */
public final class KafkaSpoolCatalog implements SpoolCatalog, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KafkaSpoolCatalog.class);

  private final Supplier<Consumer<String, byte[]>> consumers;
  private final Admin admin;
  private final JsonCodec codec;
  private final Duration catchUpWait;
  private final Map<String, SpoolCatalogEntry> entries = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  private volatile boolean running;
  private volatile boolean loaded;
  private volatile Consumer<String, byte[]> consumer;
  private Thread reader;

  public KafkaSpoolCatalog(
      Supplier<Consumer<String, byte[]>> consumers,
      Admin admin,
      JsonCodec codec,
      Duration catchUpWait) {
    this.consumers = consumers;
    this.admin = admin;
    this.codec = codec;
    this.catchUpWait = catchUpWait;
  }

  @Override
  public Optional<SpoolCatalogEntry> find(String tag) {
    SpoolCatalogEntry entry = entries.get(tag);
    if (entry == null && catchUp()) {
      entry = entries.get(tag);
    }
    return Optional.ofNullable(entry);
  }

  /** Whether the first full read of the topic has finished. */
  public boolean isLoaded() {
    return loaded;
  }

  public int size() {
    return entries.size();
  }

  /** Waits until the reader has seen everything committed to the topic now; false on timeout. */
  boolean catchUp() {
    long deadline = System.nanoTime() + catchUpWait.toNanos();
    while (!loaded) {
      if (System.nanoTime() > deadline || !pause()) {
        log.warn("catalog not loaded yet after {}", catchUpWait);
        return false;
      }
    }
    Map<TopicPartition, Long> ends = endOffsets();
    while (!reached(ends)) {
      if (System.nanoTime() > deadline) {
        log.warn("catalog did not catch up with {} within {}", ends, catchUpWait);
        return false;
      }
      if (!pause()) {
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

  private Map<TopicPartition, Long> endOffsets() {
    try {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      positions.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
      if (request.isEmpty()) {
        return Map.of();
      }
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get(catchUpWait.toMillis(), TimeUnit.MILLISECONDS)
          .forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn("could not read the catalog's end offsets: {}", e.toString());
      return Map.of();
    }
  }

  @Override
  public void start() {
    running = true;
    reader = Thread.ofPlatform().name("spool-catalog-reader").daemon().start(this::read);
  }

  private void read() {
    try (Consumer<String, byte[]> c = consumers.get()) {
      consumer = c;
      List<TopicPartition> partitions = awaitPartitions(c);
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> initialEnds = c.endOffsets(partitions);
      while (running) {
        ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, byte[]> record : records) {
          apply(record);
        }
        for (TopicPartition tp : partitions) {
          positions.put(tp, c.position(tp));
        }
        if (!loaded && reached(initialEnds)) {
          loaded = true;
          log.info("spool catalog loaded: {} spools", entries.size());
        }
      }
    } catch (WakeupException e) {
      // stop() woke the consumer up: a normal shutdown
    } catch (RuntimeException e) {
      log.error("spool catalog reader stopped", e);
    }
  }

  private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> c) {
    while (running) {
      List<PartitionInfo> infos =
          c.partitionsFor(Topics.SPOOL_CATALOG.name(), Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      log.info("waiting for topic {}", Topics.SPOOL_CATALOG.name());
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
      entries.put(record.key(), codec.read(record.value(), SpoolCatalogEntry.class));
    } catch (JsonCodec.MalformedRecordException e) {
      log.warn("ignoring malformed catalog entry for {}: {}", record.key(), e.getMessage());
    }
  }

  @Override
  public void stop() {
    running = false;
    Consumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (reader != null) {
      try {
        reader.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Start before the command listener container (default phase) so the catalog is being read.
    return Integer.MIN_VALUE + 100;
  }
}
