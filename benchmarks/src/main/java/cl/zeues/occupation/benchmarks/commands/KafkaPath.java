package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.Topics;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A command path without HTTP: the command's JSON, keyed by its tag, to a request topic, and its
 * reply read read_committed. Two of them differ only in where they send and how a reply reads.
 */
final class KafkaPath implements CommandPath {

  private final JsonCodec codec = new JsonCodec();
  private final KafkaRequestReply client;
  private final boolean correlationInHeader;

  private KafkaPath(
      String brokers,
      String requests,
      String replies,
      String clientId,
      Function<byte[], String> outcomeOfReply,
      boolean correlationInHeader) {
    this.client = new KafkaRequestReply(brokers, requests, replies, clientId, outcomeOfReply);
    this.correlationInHeader = correlationInHeader;
  }

  /**
   * The raw Kafka baseline's client: requests to the {@link TransactionalRelay} called {@code
   * relay}, correlated by a header the relay copies onto its reply. Nothing decides.
   */
  static KafkaPath baseline(String brokers, String relay, String clientId) {
    return new KafkaPath(
        brokers,
        TransactionalRelay.requests(relay).name(),
        TransactionalRelay.replies(relay).name(),
        clientId,
        reply -> Outcome.RELAYED,
        true);
  }

  /**
   * The processor: commands straight to {@code occupation.commands} as the API publishes them,
   * replies from {@code occupation.replies} (keyed by the command id). What is left is Kafka
   * transactions, Redis and the decider.
   */
  static KafkaPath processor(String brokers, String clientId) {
    JsonCodec codec = new JsonCodec();
    return new KafkaPath(
        brokers,
        Topics.COMMANDS.name(),
        Topics.REPLIES.name(),
        clientId,
        reply -> Outcome.ofReply(codec, reply),
        false);
  }

  @Override
  public CompletableFuture<String> submit(Planned planned) {
    return client.send(
        planned.tag(),
        planned.command().commandId().toString(),
        codec.write(planned.command()),
        correlationInHeader);
  }

  @Override
  public void breakdownInto(@Nullable Breakdown breakdown) {
    client.breakdownInto(breakdown);
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
