package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.Topics;
import java.util.concurrent.CompletableFuture;

/**
 * The command path without HTTP: the command's JSON straight to {@code occupation.commands} keyed
 * by its tag, as the API publishes it, and its reply read from {@code occupation.replies} (keyed by
 * the command id). What is left is the processor: Kafka transactions, Redis and the decider.
 */
final class KafkaCommandPath implements CommandPath {

  private final JsonCodec codec = new JsonCodec();
  private final KafkaRequestReply client;

  KafkaCommandPath(String brokers, String clientId) {
    this.client =
        new KafkaRequestReply(
            brokers,
            Topics.COMMANDS.name(),
            Topics.REPLIES.name(),
            clientId,
            reply -> Outcome.ofReply(codec, reply));
  }

  @Override
  public CompletableFuture<String> submit(Planned planned) {
    return client.send(
        planned.tag(),
        planned.command().commandId().toString(),
        codec.write(planned.command()),
        false);
  }

  @Override
  public void abandon(Planned planned) {
    client.abandon(planned.command().commandId().toString());
  }

  @Override
  public void close() {
    client.close();
  }
}
