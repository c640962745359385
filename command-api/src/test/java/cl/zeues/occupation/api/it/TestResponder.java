package cl.zeues.occupation.api.it;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A stand-in for the processor: a real consumer of {@code occupation.commands} that answers on
 * {@code occupation.replies} inside a Kafka transaction (with the consumed offsets), as the
 * processor does. Accepts by default; tags can be scripted to be rejected or to get no answer.
 */
final class TestResponder implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final JsonCodec codec = new JsonCodec();
  private final Thread thread;
  private final Set<String> silent = ConcurrentHashMap.newKeySet();
  private final Map<String, String> rejectedBy = new ConcurrentHashMap<>();
  final List<OccupationCommand> received = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  TestResponder(String bootstrapServers) {
    Map<String, Object> consumerProps = new HashMap<>();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "it-responder-" + UUID.randomUUID());
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
    Map<String, Object> producerProps = new HashMap<>();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-responder-" + UUID.randomUUID());
    producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
    producer.initTransactions();
    consumer.subscribe(List.of(Topics.COMMANDS.name()));
    thread = Thread.ofPlatform().name("it-responder").daemon().start(this::run);
  }

  void stayQuietFor(String tag) {
    silent.add(tag);
  }

  void rejectAsOccupied(String tag, String occupant) {
    rejectedBy.put(tag, occupant);
  }

  static CommandReply.Accepted accepted(OccupationCommand command, long version) {
    return new CommandReply.Accepted(
        command.commandId(),
        command.tagSpool(),
        "Spool " + command.tagSpool() + " tomado",
        Instant.now(),
        version,
        List.of(UUID.randomUUID()));
  }

  private void run() {
    try {
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
        if (records.isEmpty()) {
          continue;
        }
        producer.beginTransaction();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
          OccupationCommand command = codec.read(record.value(), OccupationCommand.class);
          received.add(command);
          offsets.put(
              new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1));
          if (silent.contains(command.tagSpool())) {
            continue;
          }
          producer.send(
              new ProducerRecord<>(
                  Topics.REPLIES.name(),
                  command.commandId().toString(),
                  codec.write(reply(command))));
        }
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(1));
      producer.close(Duration.ofSeconds(1));
    }
  }

  private CommandReply reply(OccupationCommand command) {
    String occupant = rejectedBy.get(command.tagSpool());
    if (occupant != null) {
      return new CommandReply.Rejected(
          command.commandId(),
          command.tagSpool(),
          "Spool " + command.tagSpool() + " ocupado por " + occupant,
          Instant.now(),
          RejectionReason.SPOOL_OCCUPIED,
          occupant);
    }
    return accepted(command, 1);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5_000);
  }
}
