package cl.zeues.occupation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.testing.BusyShop;
import cl.zeues.occupation.audit.testing.TestBroker;
import cl.zeues.occupation.audit.testing.ToolRun;
import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * Prints how fast {@code verify} reads a big log; asserts only that the log is clean and complete,
 * never a speed. Off by default (it writes ~0.5 GB):
 *
 * <pre>
 * mvn -o verify -pl audit-tool -Dit.test=VerifyThroughputIT -Daudit.events=1000000
 * </pre>
 *
 * <p>In-process broker by default. With {@code -Daudit.bootstrap=HOST:PORT} (and optionally {@code
 * -Daudit.topic=NAME}, default {@code audit.throughput}) the events go to that broker instead, so
 * the tool can then be timed as its own process: {@code java -jar ...-exec.jar verify
 * --bootstrap-servers HOST:PORT --topic NAME}.
 */
@EnabledIfSystemProperty(named = "audit.events", matches = "\\d+")
class VerifyThroughputIT {

  @Test
  void printsEventsPerSecondOfVerify() throws Exception {
    long wanted = Long.parseLong(System.getProperty("audit.events"));
    String external = System.getProperty("audit.bootstrap");
    if (external != null) {
      String topic = System.getProperty("audit.topic", "audit.throughput");
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", external))) {
        admin
            .createTopics(List.of(new NewTopic(topic, Topics.EVENTS.partitions(), (short) 1)))
            .all()
            .get();
      }
      long written = write(external, topic, wanted);
      measure(external, topic, written);
      return;
    }
    try (TestBroker broker = new TestBroker()) {
      broker.createTopic(Topics.EVENTS.name(), Topics.EVENTS.partitions());
      long written = write(broker.bootstrapServers(), Topics.EVENTS.name(), wanted);
      measure(broker.bootstrapServers(), Topics.EVENTS.name(), written);
    }
  }

  private static long write(String bootstrap, String topic, long wanted) {
    JsonCodec json = new JsonCodec();
    long started = System.nanoTime();
    long written;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      written =
          new BusyShop(2026, 2_500, Instant.parse("2026-01-05T11:00:00Z"))
              .run(
                  wanted,
                  (List<OccupationEvent> decision) ->
                      decision.forEach(
                          event -> {
                            ProducerRecord<String, byte[]> record =
                                new ProducerRecord<>(topic, event.tagSpool(), json.write(event));
                            CloudEventHeaders.of(event)
                                .forEach((name, value) -> record.headers().add(name, value));
                            producer.send(record);
                          }));
      producer.flush();
    }
    System.out.printf(
        "wrote %,d events to %s in %.1f s%n", written, topic, (System.nanoTime() - started) / 1e9);
    return written;
  }

  private static void measure(String bootstrap, String topic, long written) {
    for (int round = 1; round <= 2; round++) {
      ToolRun verify =
          ToolRun.of("verify", "--bootstrap-servers", bootstrap, "--topic", topic, "--json");
      JsonNode report = verify.json();
      assertThat(verify.exit()).as(verify.err()).isZero();
      assertThat(report.get("events_read").asLong()).isEqualTo(written);
      System.out.printf(
          "verify round %d: %,d events in %,d ms = %,d events/s%n",
          round,
          report.get("events_read").asLong(),
          report.get("elapsed_ms").asLong(),
          report.get("events_per_second").asLong());
    }
  }
}
