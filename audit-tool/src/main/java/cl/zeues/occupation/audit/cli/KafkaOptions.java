package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.KafkaSource;
import cl.zeues.occupation.events.Topics;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Where the log is; shared by every command. */
final class KafkaOptions {

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      defaultValue = "${env:ZEUES_KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
      description = "Kafka brokers (env ZEUES_KAFKA_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE})")
  String bootstrapServers = "127.0.0.1:9092";

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "the events topic (default: occupation.events, Topics.EVENTS)")
  @Nullable String topic;

  @Option(
      names = "--kafka-timeout",
      paramLabel = "DURATION",
      defaultValue = "15s",
      converter = DurationConverter.class,
      description =
          "give up when the brokers do not answer for this long (default ${DEFAULT-VALUE})")
  Duration timeout = Duration.ofSeconds(15);

  KafkaSource source() {
    return new KafkaSource(bootstrapServers, topic != null ? topic : Topics.EVENTS.name(), timeout);
  }
}
