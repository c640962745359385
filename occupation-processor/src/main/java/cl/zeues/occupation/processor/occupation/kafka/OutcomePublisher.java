package cl.zeues.occupation.processor.occupation.kafka;

import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.processor.occupation.CommandOutcome;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends what a decision produced. Called inside the listener's Kafka transaction, so events, reply
 * and the consumed offset commit together or not at all.
 */
final class OutcomePublisher {

  static final String CAUSE_HEADER = "zeues_dlt_cause";

  private final KafkaOperations<String, byte[]> kafka;
  private final JsonCodec codec;

  OutcomePublisher(KafkaOperations<String, byte[]> kafka, JsonCodec codec) {
    this.kafka = kafka;
    this.codec = codec;
  }

  /** The events, then the reply (carrying {@code replyHeaders}). */
  void publish(CommandOutcome outcome, List<Header> replyHeaders) {
    for (OccupationEvent event : outcome.events()) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(Topics.EVENTS.name(), event.tagSpool(), codec.write(event));
      CloudEventHeaders.of(event).forEach((name, value) -> record.headers().add(name, value));
      kafka.send(record);
    }
    kafka.send(
        new ProducerRecord<>(
            Topics.REPLIES.name(),
            null,
            outcome.reply().commandId().toString(),
            codec.write(outcome.reply()),
            replyHeaders));
  }

  /**
   * Parks a command that cannot be decided, with where it came from and why. The {@code
   * kafka_dlt-*} headers are written as spring-kafka's {@code DeadLetterPublishingRecoverer} writes
   * them (partition a 4-byte and offset and timestamp 8-byte big-endian numbers, the rest UTF-8),
   * so spring-kafka's own tooling reads them; {@link #CAUSE_HEADER} repeats the cause for people.
   */
  void deadLetter(ConsumerRecord<String, byte[]> source, String cause) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.COMMANDS_DLT.name(), source.key(), source.value());
    Headers headers = record.headers();
    headers.add(CAUSE_HEADER, utf8(cause));
    headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(source.topic()));
    headers.add(
        KafkaHeaders.DLT_ORIGINAL_PARTITION,
        ByteBuffer.allocate(Integer.BYTES).putInt(source.partition()).array());
    headers.add(
        KafkaHeaders.DLT_ORIGINAL_OFFSET,
        ByteBuffer.allocate(Long.BYTES).putLong(source.offset()).array());
    headers.add(
        KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
        ByteBuffer.allocate(Long.BYTES).putLong(source.timestamp()).array());
    headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, utf8(source.timestampType().toString()));
    headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(cause));
    kafka.send(record);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
