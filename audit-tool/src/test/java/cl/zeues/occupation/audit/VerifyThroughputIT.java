package cl.zeues.occupation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.testing.BusyShop;
import cl.zeues.occupation.audit.testing.TestBroker;
import cl.zeues.occupation.audit.testing.ToolRun;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * Prints how fast {@code replay} and {@code verify} read a big log; asserts only that the log is
 * clean and complete, never a speed. Off by default (it writes ~1 GB into the broker): {@code mvn
 * -o verify -pl audit-tool -Dit.test=VerifyThroughputIT -Daudit.events=1000000}.
 */
@EnabledIfSystemProperty(named = "audit.events", matches = "\\d+")
class VerifyThroughputIT {

  @Test
  void printsEventsPerSecondOfReplayAndVerify() {
    long wanted = Long.parseLong(System.getProperty("audit.events"));
    try (TestBroker broker = new TestBroker()) {
      broker.createTopic(Topics.EVENTS.name(), Topics.EVENTS.partitions());
      long started = System.nanoTime();
      long written;
      try (KafkaProducer<String, byte[]> producer = broker.plainProducer()) {
        written =
            new BusyShop(2026, 2_500, Instant.parse("2026-01-05T11:00:00Z"))
                .run(
                    wanted,
                    (List<OccupationEvent> decision) ->
                        decision.forEach(
                            event ->
                                producer.send(
                                    broker.asProcessorWrites(Topics.EVENTS.name(), event))));
        producer.flush();
      }
      System.out.printf(
          "wrote %,d events in %.1f s%n", written, (System.nanoTime() - started) / 1e9);

      for (int round = 1; round <= 2; round++) {
        ToolRun verify =
            ToolRun.of("verify", "--bootstrap-servers", broker.bootstrapServers(), "--json");
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
}
