package cl.zeues.occupation.projector.catalog.kafka;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.projector.catalog.CatalogChanges;
import cl.zeues.occupation.projector.catalog.CatalogImportException;
import cl.zeues.occupation.projector.catalog.PublishedCatalog;
import cl.zeues.occupation.topicreader.EndNotReachedException;
import cl.zeues.occupation.topicreader.ReadLimits;
import cl.zeues.occupation.topicreader.TopicRead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted catalog topics, {@link Topics#SPOOL_CATALOG} keyed by tag and {@link
 * Topics#WORKER_CATALOG} keyed by worker id, values as {@link JsonCodec} writes them, a removal as
 * a tombstone (null value). Reads them from the beginning with an unassigned consumer (no group, no
 * committed offsets); publishes with an idempotent, {@code acks=all} producer.
 */
public final class KafkaPublishedCatalog implements PublishedCatalog, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaPublishedCatalog.class);

  private final Producer<String, byte[]> producer;
  private final Supplier<Consumer<String, byte[]>> consumers;
  private final JsonCodec codec;
  private final Duration timeout;

  public KafkaPublishedCatalog(
      Producer<String, byte[]> producer,
      Supplier<Consumer<String, byte[]>> consumers,
      JsonCodec codec,
      Duration timeout) {
    this.producer = producer;
    this.consumers = consumers;
    this.codec = codec;
    this.timeout = timeout;
  }

  @Override
  public Contents load() {
    Map<String, SpoolCatalogEntry> spools = new HashMap<>();
    Map<String, WorkerCatalogEntry> workers = new HashMap<>();
    try (Consumer<String, byte[]> consumer = consumers.get()) {
      long deadline = System.nanoTime() + timeout.toNanos();
      readAll(consumer, Topics.SPOOL_CATALOG.name(), deadline, spools, SpoolCatalogEntry.class);
      readAll(consumer, Topics.WORKER_CATALOG.name(), deadline, workers, WorkerCatalogEntry.class);
    } catch (KafkaException e) {
      throw new CatalogImportException("reading the catalog topics: " + e, e);
    }
    log.info("catalog topics hold {} spools and {} workers", spools.size(), workers.size());
    return new Contents(spools, workers);
  }

  private <T> void readAll(
      Consumer<String, byte[]> consumer,
      String topic,
      long deadline,
      Map<String, T> into,
      Class<T> type) {
    List<TopicPartition> partitions = TopicRead.partitionsOf(consumer, topic, remaining(deadline));
    if (partitions.isEmpty()) {
      log.info("topic {} does not exist yet: nothing published to it", topic);
      return;
    }
    consumer.assign(partitions);
    try {
      TopicRead.toEndOffsets(consumer, partitions, remaining(deadline))
          .readToEnd(
              records -> records.forEach(record -> apply(record, into, type)),
              ReadLimits.within(remaining(deadline))
                  .withPoll(Duration.ofMillis(100))
                  .withApiTimeout(remaining(deadline)));
    } catch (EndNotReachedException e) {
      throw new CatalogImportException(
          "reading %s did not reach its end %s within %s".formatted(topic, e.unfinished(), timeout),
          e);
    }
  }

  private <T> void apply(
      ConsumerRecord<String, byte[]> record, Map<String, T> into, Class<T> type) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      into.remove(record.key());
      return;
    }
    try {
      into.put(record.key(), codec.read(record.value(), type));
    } catch (JsonCodec.MalformedRecordException e) {
      // Left out, so the sheet's entry (if any) is published again over it.
      into.remove(record.key());
      log.warn("ignoring malformed {} entry {}: {}", record.topic(), record.key(), e.getMessage());
    }
  }

  @Override
  public void publish(
      CatalogChanges<SpoolCatalogEntry> spools, CatalogChanges<WorkerCatalogEntry> workers) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try {
      send(Topics.SPOOL_CATALOG.name(), spools, sent);
      send(Topics.WORKER_CATALOG.name(), workers, sent);
      producer.flush();
      long deadline = System.nanoTime() + timeout.toNanos();
      for (Future<RecordMetadata> future : sent) {
        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException e) {
      throw new CatalogImportException("publishing the catalog: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new CatalogImportException(
          "publishing the catalog: not acknowledged within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogImportException("publishing the catalog: interrupted", e);
    } catch (KafkaException e) {
      throw new CatalogImportException("publishing the catalog: " + e, e);
    }
  }

  private <T> void send(
      String topic, CatalogChanges<T> changes, List<Future<RecordMetadata>> sent) {
    changes
        .upserts()
        .forEach(
            (key, entry) ->
                sent.add(producer.send(new ProducerRecord<>(topic, key, codec.write(entry)))));
    changes
        .tombstones()
        .forEach(key -> sent.add(producer.send(new ProducerRecord<>(topic, key, null))));
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
