package cl.zeues.occupation.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
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
    RecordSpan span = start(record);
    try {
      span.run(null, handling);
    } catch (RuntimeException | Error e) {
      span.failed(e);
      throw e;
    } finally {
      span.end();
    }
  }

  /**
   * Starts the record's span without making it current: for a listener that handles a poll's
   * records together (decided in waves), so each record's span lasts from its receipt until its
   * outcome is sent, and is made current only around the record's own steps.
   */
  public RecordSpan start(ConsumerRecord<String, ?> record) {
    Observation observation =
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
            .highCardinalityKeyValue(
                "messaging.kafka.message.offset", String.valueOf(record.offset()))
            .start();
    return new RecordSpan(observation, record.key());
  }

  /** A record's started span; {@link #end()} it once the record's handling is over. */
  public static final class RecordSpan {

    private final Observation observation;
    private final @Nullable String key;

    private RecordSpan(Observation observation, @Nullable String key) {
      this.observation = observation;
      this.key = key;
    }

    /** Runs one step of the record's handling with its span current and its log context open. */
    public void run(@Nullable UUID commandId, Runnable step) {
      try (Observation.Scope scope = observation.openScope();
          CommandLogContext log = CommandLogContext.open(commandId, key)) {
        step.run();
      }
    }

    /** Like {@link #run}, for a step that answers something. */
    public <T> T call(@Nullable UUID commandId, Supplier<T> step) {
      try (Observation.Scope scope = observation.openScope();
          CommandLogContext log = CommandLogContext.open(commandId, key)) {
        return step.get();
      }
    }

    /** Records a failure of the handling on the span. */
    public void failed(Throwable cause) {
      observation.error(cause);
    }

    public void end() {
      observation.stop();
    }
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
