package cl.zeues.occupation.processor.occupation.kafka;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.TimingHeaders;
import cl.zeues.occupation.processor.occupation.CommandSource;
import cl.zeues.occupation.processor.occupation.ForgottenCommandException;
import cl.zeues.occupation.processor.occupation.OccupationService;
import cl.zeues.occupation.processor.occupation.StoreLostException;
import cl.zeues.occupation.processor.occupation.StoreRecovery;
import cl.zeues.occupation.tracing.ConsumedRecordTracing;
import cl.zeues.occupation.tracing.ConsumedRecordTracing.RecordSpan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
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

  /**
   * The poll's commands are decided together ({@link OccupationService#handleAll}: the store's
   * round trips shared, each spool's commands in order), then each record's outcome is sent. Each
   * record has its own span (the trace its producer started) from receipt until its outcome is
   * sent; it is current, with the command's log context, while the record is read and while its
   * outcome is sent, so the events and reply join the command's trace.
   */
  private void decide(List<ConsumerRecord<String, byte[]>> records) {
    long receivedAt = TimingHeaders.now();
    List<ConsumerRecord<String, byte[]>> commands = new ArrayList<>(records.size());
    List<RecordSpan> spans = new ArrayList<>(records.size());
    List<OccupationService.Request> requests = new ArrayList<>(records.size());
    List<RecordSpan> open = new ArrayList<>(records.size());
    try {
      for (ConsumerRecord<String, byte[]> record : records) {
        RecordSpan span = tracing.start(record);
        open.add(span);
        OccupationCommand command = span.call(null, () -> commandOrDeadLetter(record));
        if (command != null) {
          commands.add(record);
          spans.add(span);
          requests.add(
              new OccupationService.Request(
                  command, new CommandSource(record.partition(), record.offset())));
        }
      }
      List<OccupationService.Handled> handled = service.handleAll(requests);
      for (int i = 0; i < commands.size(); i++) {
        ConsumerRecord<String, byte[]> record = commands.get(i);
        OccupationService.Handled outcome = handled.get(i);
        spans
            .get(i)
            .run(requests.get(i).command().commandId(), () -> publish(record, outcome, receivedAt));
      }
    } catch (RuntimeException | Error e) {
      open.forEach(span -> span.failed(e));
      throw e;
    } finally {
      open.forEach(RecordSpan::end);
    }
  }

  /** The record's command, or null when it is not a valid one (then it is dead-lettered). */
  private @Nullable OccupationCommand commandOrDeadLetter(ConsumerRecord<String, byte[]> record) {
    try {
      return parse(record);
    } catch (JsonCodec.MalformedRecordException e) {
      log.warn(
          "dead-lettering command at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      deadLetter(record, e.getMessage());
      return null;
    }
  }

  /** Sends what deciding the record's command left: its events and reply, or a dead letter. */
  private void publish(
      ConsumerRecord<String, byte[]> record, OccupationService.Handled handled, long receivedAt) {
    ForgottenCommandException forgotten = handled.forgotten();
    if (forgotten != null) {
      log.warn(
          "dead-lettering command at {}-{}: {}",
          record.partition(),
          record.offset(),
          forgotten.getMessage());
      deadLetter(record, forgotten.getMessage());
      return;
    }
    publisher.publish(
        Objects.requireNonNull(handled.outcome()), timings(record, handled, receivedAt));
  }

  /** The command's own stamps and the processor's ({@link TimingHeaders}), for its reply. */
  private static List<Header> timings(
      ConsumerRecord<String, byte[]> record, OccupationService.Handled handled, long receivedAt) {
    List<Header> stamps = new ArrayList<>(8);
    for (Header header : record.headers()) {
      if (header.key().startsWith(TimingHeaders.PREFIX)) {
        stamps.add(header);
      }
    }
    stamps.add(stamp(TimingHeaders.RECEIVED, receivedAt));
    stamps.add(stamp(TimingHeaders.LOADED, handled.loadedAt()));
    stamps.add(stamp(TimingHeaders.DECIDED, handled.decidedAt()));
    stamps.add(stamp(TimingHeaders.WRITTEN, handled.writtenAt()));
    return stamps;
  }

  private static Header stamp(String name, long micros) {
    return new RecordHeader(name, TimingHeaders.encode(micros));
  }

  private void deadLetter(ConsumerRecord<String, byte[]> record, String cause) {
    publisher.deadLetter(record, cause);
    deadLetters.increment();
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
