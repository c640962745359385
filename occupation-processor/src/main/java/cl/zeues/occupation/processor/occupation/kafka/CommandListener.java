package cl.zeues.occupation.processor.occupation.kafka;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.processor.occupation.CommandSource;
import cl.zeues.occupation.processor.occupation.ForgottenCommandException;
import cl.zeues.occupation.processor.occupation.OccupationService;
import cl.zeues.occupation.processor.occupation.StoreLostException;
import cl.zeues.occupation.processor.occupation.StoreRecovery;
import cl.zeues.occupation.tracing.CommandLogContext;
import cl.zeues.occupation.tracing.ConsumedRecordTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Decides a poll's worth of commands inside one Kafka transaction (the container begins it and
 * commits it with the consumed offsets). Records are handled in partition order, so a spool's
 * commands are decided one after another. A record that is not a valid command is parked in the
 * dead-letter topic in the same transaction and the partition moves on (as is a redelivered command
 * that can no longer be decided safely, {@link ForgottenCommandException}); an infrastructure
 * failure throws, aborting the transaction so the whole poll is redelivered and decided again
 * idempotently. Before a partition's commands are decided, {@link StoreRecovery} makes sure the
 * store still holds what was applied (rebuilding it from the event log if Redis lost it).
 */
final class CommandListener implements BatchMessageListener<String, byte[]> {

  private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

  private final OccupationService service;
  private final StoreRecovery recovery;
  private final OutcomePublisher publisher;
  private final JsonCodec codec;
  private final Counter deadLetters;
  private final ConsumedRecordTracing tracing;

  CommandListener(
      OccupationService service,
      StoreRecovery recovery,
      OutcomePublisher publisher,
      JsonCodec codec,
      MeterRegistry registry,
      ConsumedRecordTracing tracing) {
    this.tracing = tracing;
    this.service = service;
    this.recovery = recovery;
    this.publisher = publisher;
    this.codec = codec;
    this.deadLetters =
        Counter.builder("zeues.commands.dead.lettered")
            .description("Command records parked in the dead-letter topic")
            .register(registry);
  }

  @Override
  public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
    Map<Integer, Long> lastOffsets = new LinkedHashMap<>();
    records.forEach(record -> lastOffsets.put(record.partition(), record.offset()));
    lastOffsets.keySet().forEach(recovery::ensureCurrent);
    try {
      decide(records);
      lastOffsets.forEach(recovery::applied);
    } catch (StoreLostException e) {
      recovery.lost(e.partition());
      throw e;
    }
  }

  private void decide(List<ConsumerRecord<String, byte[]>> records) {
    for (ConsumerRecord<String, byte[]> record : records) {
      tracing.process(record, () -> decide(record));
    }
  }

  /** One command, in its own span and log context (the trace its producer started). */
  private void decide(ConsumerRecord<String, byte[]> record) {
    OccupationCommand command;
    try {
      command = parse(record);
      CommandLogContext.commandId(command.commandId());
    } catch (JsonCodec.MalformedRecordException e) {
      log.warn(
          "dead-lettering command at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      publisher.deadLetter(record, e.getMessage());
      deadLetters.increment();
      return;
    }
    try {
      publisher.publish(
          service.handle(command, new CommandSource(record.partition(), record.offset())));
    } catch (ForgottenCommandException e) {
      log.warn(
          "dead-lettering command at {}-{}: {}",
          record.partition(),
          record.offset(),
          e.getMessage());
      publisher.deadLetter(record, e.getMessage());
      deadLetters.increment();
    }
  }

  private OccupationCommand parse(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      throw new JsonCodec.MalformedRecordException("empty record value");
    }
    OccupationCommand command = codec.read(record.value(), OccupationCommand.class);
    // The key decides the partition, and the partition serialises the spool: a command keyed by
    // another tag would be decided beside that spool's own commands, out of order.
    if (!Objects.equals(record.key(), command.tagSpool())) {
      throw new JsonCodec.MalformedRecordException(
          "record key '"
              + record.key()
              + "' is not the command's tag_spool '"
              + command.tagSpool()
              + "'");
    }
    return command;
  }
}
