package cl.zeues.occupation.api.occupation.kafka;

import cl.zeues.occupation.api.occupation.CommandBus;
import cl.zeues.occupation.api.occupation.CommandBusUnavailableException;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.TimingHeaders;
import cl.zeues.occupation.events.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes commands to {@code occupation.commands} keyed by tag, and completes each command's
 * future when {@link ReplyListener} sees its reply. The futures are this instance's only state and
 * live no longer than one request.
 */
class KafkaCommandBus implements CommandBus {

  private final KafkaTemplate<String, byte[]> template;
  private final JsonCodec codec;
  private final Duration publishTimeout;
  private final Map<UUID, CompletableFuture<CommandReply>> awaiting = new ConcurrentHashMap<>();

  KafkaCommandBus(
      KafkaTemplate<String, byte[]> template, JsonCodec codec, Duration publishTimeout) {
    this.template = template;
    this.codec = codec;
    this.publishTimeout = publishTimeout;
  }

  @Override
  public CompletableFuture<CommandReply> submit(OccupationCommand command) {
    UUID id = command.commandId();
    // Registered before publishing: the reply can arrive before send() is acknowledged. A retry
    // with the same id while the first is in flight shares the first's future.
    CompletableFuture<CommandReply> reply =
        awaiting.computeIfAbsent(id, key -> new CompletableFuture<>());
    try {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(Topics.COMMANDS.name(), command.tagSpool(), codec.write(command));
      record.headers().add(TimingHeaders.API_PUBLISH, TimingHeaders.encode(TimingHeaders.now()));
      template
          .send(record)
          // The producer's own delivery.timeout.ms bounds this; the margin only guards a hang.
          .get(publishTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      return reply;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      awaiting.remove(id, reply);
      throw new CommandBusUnavailableException("interrumpido al publicar " + id, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      awaiting.remove(id, reply);
      throw new CommandBusUnavailableException("Kafka no confirmó el comando " + id + ": " + e, e);
    }
  }

  @Override
  public void abandon(UUID commandId) {
    awaiting.remove(commandId);
  }

  /** Hands a reply to whoever waits for it; replies nobody here waits for are ignored. */
  void onReply(CommandReply reply) {
    CompletableFuture<CommandReply> waiting = awaiting.remove(reply.commandId());
    if (waiting != null) {
      waiting.complete(reply);
    }
  }

  int awaitingCount() {
    return awaiting.size();
  }
}
