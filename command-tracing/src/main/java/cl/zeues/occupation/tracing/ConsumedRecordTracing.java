package cl.zeues.occupation.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * Observes the handling of one record read by a consumer spring-kafka does not observe (a batch
 * listener, a plain {@code KafkaConsumer}): a {@code "<topic> process"} consumer span whose parent
 * is the W3C {@code traceparent} the producer put in the record's headers, current while the
 * handling runs, so what the handling sends through an observed {@code KafkaTemplate} joins the
 * same trace. The records of {@code occupation.commands} and {@code occupation.events} are keyed by
 * spool: the key is the log context's {@code tag_spool}.
 *
 * <p>With no tracer (no observation handler registered) this costs a no-op observation: nothing is
 * sent anywhere from the handling thread either way; finished spans leave the process, if at all,
 * from the exporter's own thread.
 */
public final class ConsumedRecordTracing {

  private final ObservationRegistry registry;

  public ConsumedRecordTracing(ObservationRegistry registry) {
    this.registry = registry;
  }

  /** Runs {@code handling} inside the record's span and log context. */
  public void process(ConsumerRecord<String, ?> record, Runnable handling) {
    Observation.createNotStarted("zeues.kafka.process", () -> context(record), registry)
        .contextualName(record.topic() + " process")
        // The keys spring-kafka's own listener observation uses, so every consumer span reads
        // alike.
        .lowCardinalityKeyValue("messaging.system", "kafka")
        .lowCardinalityKeyValue("messaging.operation", "process")
        .lowCardinalityKeyValue("messaging.source.kind", "topic")
        .lowCardinalityKeyValue("messaging.source.name", record.topic())
        .highCardinalityKeyValue(
            "messaging.kafka.source.partition", String.valueOf(record.partition()))
        .highCardinalityKeyValue("messaging.kafka.message.offset", String.valueOf(record.offset()))
        .observe(
            () -> {
              try (CommandLogContext log = CommandLogContext.open(null, record.key())) {
                handling.run();
              }
            });
  }

  private static ReceiverContext<ConsumerRecord<String, ?>> context(ConsumerRecord<String, ?> r) {
    ReceiverContext<ConsumerRecord<String, ?>> context =
        new ReceiverContext<>(ConsumedRecordTracing::header);
    context.setCarrier(r);
    context.setRemoteServiceName("Apache Kafka");
    return context;
  }

  private static @Nullable String header(ConsumerRecord<String, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
