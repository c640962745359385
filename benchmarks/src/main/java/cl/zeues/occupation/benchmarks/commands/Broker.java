package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.support.InProcessKafka;
import cl.zeues.occupation.events.Topics;
import java.util.Collection;

/** The bench's single-node KRaft broker, in this JVM or in one of its own, on loopback. */
interface Broker extends AutoCloseable {

  /** Where the broker runs: {@code this JVM} or {@code a JVM of its own}. */
  enum Shape {
    IN_PROCESS("this JVM"),
    PROCESS("a JVM of its own");

    final String description;

    Shape(String description) {
      this.description = description;
    }
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  String brokers();

  /** Creates {@code topics} with their partitions and configs and waits for the broker. */
  void createTopics(Collection<Topics.Spec> topics);

  /** Stops the broker and forgets its data. */
  @Override
  void close();

  /**
   * Starts a broker of {@code shape}; topics a client asks for unannounced get {@code
   * defaultPartitions}.
   */
  static Broker start(Shape shape, int defaultPartitions) {
    return switch (shape) {
      case IN_PROCESS -> {
        InProcessKafka kafka = InProcessKafka.start(defaultPartitions);
        yield new Broker() {
          @Override
          public String brokers() {
            return kafka.brokers();
          }

          @Override
          public void createTopics(Collection<Topics.Spec> topics) {
            kafka.createTopics(topics);
          }

          @Override
          public void close() {
            kafka.close();
          }
        };
      }
      case PROCESS -> BrokerProcess.start(defaultPartitions);
    };
  }
}
