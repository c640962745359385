package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.events.JsonCodec;
import java.util.concurrent.CompletableFuture;

/**
 * The raw Kafka baseline's client: the same command JSON, keyed by the same tag, sent to the {@link
 * TransactionalRelay}'s request topic; its reply read read_committed. Nothing decides.
 */
final class BaselinePath implements CommandPath {

  private final JsonCodec codec = new JsonCodec();
  private final KafkaRequestReply client;

  BaselinePath(String brokers, String clientId) {
    this.client =
        new KafkaRequestReply(
            brokers,
            TransactionalRelay.REQUESTS.name(),
            TransactionalRelay.REPLIES.name(),
            clientId,
            reply -> Outcome.RELAYED);
  }

  @Override
  public CompletableFuture<String> submit(Planned planned) {
    return client.send(
        planned.tag(),
        planned.command().commandId().toString(),
        codec.write(planned.command()),
        true);
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
