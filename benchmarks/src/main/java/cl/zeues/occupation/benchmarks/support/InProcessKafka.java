package cl.zeues.occupation.benchmarks.support;

import cl.zeues.occupation.events.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node KRaft broker in this JVM on loopback (spring-kafka-test's {@link
 * EmbeddedKafkaKraftBroker}), configured as the system tests configure theirs: one replica for the
 * transaction and offsets logs, no initial rebalance delay. Topics are created explicitly, with the
 * partitions and configs of their {@link Topics.Spec}.
 */
public final class InProcessKafka implements AutoCloseable {

  private final EmbeddedKafkaKraftBroker broker;

  private InProcessKafka(EmbeddedKafkaKraftBroker broker) {
    this.broker = broker;
  }

  /** Starts the broker; topics a client asks for unannounced get {@code defaultPartitions}. */
  public static InProcessKafka start(int defaultPartitions) {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, defaultPartitions);
    broker.brokerProperties(
        Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    return new InProcessKafka(broker);
  }

  public String brokers() {
    return broker.getBrokersAsString();
  }

  /** Creates {@code topics} and waits for the broker to confirm them. */
  public void createTopics(Collection<Topics.Spec> topics) {
    List<NewTopic> requests =
        topics.stream()
            .map(
                spec ->
                    new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()))
            .toList();
    try (Admin admin = admin()) {
      admin.createTopics(requests).all().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + names(topics), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create " + names(topics), e);
    }
  }

  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()));
  }

  private static List<String> names(Collection<Topics.Spec> topics) {
    return topics.stream().map(Topics.Spec::name).toList();
  }

  @Override
  public void close() {
    broker.destroy();
  }
}
