package cl.zeues.occupation.localstack;

import java.nio.file.Path;

/**
 * local-stack's single-node KRaft broker with its log in a folder, opened to the system tests: it
 * can be stopped and started again on the same ports with the same cluster, topics, offsets and
 * transactions, which spring-kafka-test's embedded broker cannot.
 */
public final class RestartableKafka implements AutoCloseable {

  private final KafkaBroker broker;

  public RestartableKafka(Path dataDir, int port, int controllerPort) {
    this.broker = new KafkaBroker(dataDir.resolve("kafka"), port, controllerPort);
  }

  public String bootstrap() {
    return broker.bootstrap();
  }

  /** Formats the log on the first start; later starts resume it. Returns once it answers. */
  public void start() {
    broker.start();
  }

  /** Creates the system's topics with their real partition counts. */
  public void createTopics() {
    broker.createTopics();
  }

  /** A controlled shutdown: everything acknowledged is in the log folder. */
  public void stop() {
    broker.close();
  }

  @Override
  public void close() {
    broker.close();
  }
}
