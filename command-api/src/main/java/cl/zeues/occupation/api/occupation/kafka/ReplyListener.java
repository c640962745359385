package cl.zeues.occupation.api.occupation.kafka;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

/** Reads {@code occupation.replies} (read_committed) and hands each reply to the bus. */
class ReplyListener implements MessageListener<String, byte[]> {

  private static final Logger log = LoggerFactory.getLogger(ReplyListener.class);

  private final KafkaCommandBus bus;
  private final JsonCodec codec;

  ReplyListener(KafkaCommandBus bus, JsonCodec codec) {
    this.bus = bus;
    this.codec = codec;
  }

  @Override
  public void onMessage(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return;
    }
    try {
      bus.onReply(codec.read(record.value(), CommandReply.class));
    } catch (JsonCodec.MalformedRecordException e) {
      // Not ours to repair: the processor owns this topic. Skipping loses nothing the client
      // cannot fetch from the outcome resource.
      log.warn(
          "skipping malformed reply at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
    }
  }
}
