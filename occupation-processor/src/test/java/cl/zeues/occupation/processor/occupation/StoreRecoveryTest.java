package cl.zeues.occupation.processor.occupation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.EventChain;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Redis lost (FLUSHALL, restart without persistence): the next write notices, and the partition is
 * rebuilt from the event log before anything else is decided, so a spool taken before the loss is
 * still taken after it.
 */
class StoreRecoveryTest {

  static final Worker JUAN = Worker.of(94, "Juan Perez");
  static final Worker ANA = Worker.of(12, "Ana Bravo");
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  static final String TAG = "MK-0001-CW-00001-001";
  static final String OTHER = "MK-0001-CW-00001-002";

  final InMemorySpools spools = new InMemorySpools();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final RecordingLog log = new RecordingLog();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final OccupationService service =
      new OccupationService(
          new OccupationDecider(OccupationPolicy.DEFAULT),
          spools,
          spools,
          new ConflictService(RetryPolicy.DEFAULT, registry, d -> {}, new Random(1)),
          clock,
          Duration.ofHours(1),
          registry);
  final StoreRecovery recovery =
      new StoreRecovery(
          spools,
          log,
          clock,
          Duration.ofHours(1),
          new RecordRetention(Duration.ofDays(7), Duration.ofMinutes(10), 1_000),
          registry);
  long offset;

  {
    spools.catalog.put(TAG, new SpoolCatalogEntry(TAG, LocalDate.parse("2026-10-01")));
    spools.catalog.put(OTHER, new SpoolCatalogEntry(OTHER, LocalDate.parse("2026-10-01")));
  }

  /** What the listener does with one record: check the partition, decide, log the events. */
  CommandOutcome decide(OccupationCommand command) {
    recovery.ensureCurrent(0);
    try {
      CommandOutcome outcome = service.handle(command, new CommandSource(0, offset++));
      log.events.addAll(outcome.events());
      if (outcome.reply() instanceof CommandReply.Rejected rejected) {
        log.rejections.add(rejected);
      }
      recovery.applied(0, offset - 1);
      return outcome;
    } catch (StoreLostException e) {
      recovery.lost(e.partition());
      offset--; // the batch is redelivered
      throw e;
    }
  }

  static OccupationCommand.Tomar tomar(String tag, Worker worker) {
    return new OccupationCommand.Tomar(UUID.randomUUID(), tag, worker, Operacion.ARM, NOW);
  }

  @Test
  void aFreshStoreOnAnEmptyLogIsRebuiltOnceAndThenTrusted() {
    recovery.assigned(0, 0);

    decide(tomar(TAG, JUAN));
    decide(tomar(OTHER, ANA));

    assertThat(log.replays).isEqualTo(1);
    assertThat(spools.journal).containsOnlyOnce("restore 0");
  }

  @Test
  void aTakeAfterTheStoreWasLostIsRefusedUntilRebuiltThenConflicts() {
    recovery.assigned(0, 0);
    var juan = tomar(TAG, JUAN);
    decide(juan);

    spools.loseEverything();
    var ana = tomar(TAG, ANA);

    assertThatThrownBy(() -> decide(ana)).isInstanceOf(StoreLostException.class);
    CommandOutcome retried = decide(ana);

    assertThat(log.replays).isEqualTo(2);
    assertThat(retried.events()).isEmpty();
    assertThat(retried.reply()).isInstanceOf(CommandReply.Rejected.class);
    assertThat(((CommandReply.Rejected) retried.reply()).ocupadoPor()).isEqualTo(JUAN.token());
    assertThat(spools.locks.get(TAG)).isEqualTo(juan.commandId());
    assertThat(spools.states.get(TAG).version()).isEqualTo(1);
  }

  @Test
  void theChainContinuesAcrossARebuildFromTheLastPublishedRecord() {
    recovery.assigned(0, 0);
    OccupationEvent tomado = decide(tomar(TAG, JUAN)).events().getFirst();
    String beforeLoss = spools.states.get(TAG).lastEventHash();
    spools.loseEverything();
    recovery.lost(0);

    OccupationEvent pausado =
        decide(new OccupationCommand.Pausar(UUID.randomUUID(), TAG, JUAN, null, NOW))
            .events()
            .getFirst();

    assertThat(tomado.hashAnterior()).isEqualTo(EventChain.GENESIS);
    assertThat(beforeLoss).isEqualTo(EventChain.hashOf(RecordingLog.CODEC.write(tomado)));
    assertThat(pausado.hashAnterior()).isEqualTo(beforeLoss);
    assertThat(spools.states.get(TAG).lastEventHash())
        .isEqualTo(EventChain.hashOf(RecordingLog.CODEC.write(pausado)));
  }

  @Test
  void aClientRetryAfterTheRebuildGetsTheFirstReplyAndNoNewEvents() {
    recovery.assigned(0, 0);
    var juan = tomar(TAG, JUAN);
    CommandReply first = decide(juan).reply();
    spools.loseEverything();
    recovery.lost(0);

    CommandOutcome retry = decide(juan);

    assertThat(retry.events()).isEmpty();
    assertThat(retry.reply()).isEqualTo(first);
  }

  @Test
  void aRejectedCommandRetriedAfterTheRebuildGetsItsFirstRejectionNotANewDecision() {
    recovery.assigned(0, 0);
    decide(tomar(TAG, JUAN));
    var ana = tomar(TAG, ANA);
    CommandReply rejected = decide(ana).reply();
    decide(new OccupationCommand.Pausar(UUID.randomUUID(), TAG, JUAN, null, NOW)); // TAG is free
    spools.loseEverything();
    recovery.lost(0);

    CommandOutcome retry = decide(ana);

    assertThat(retry.reply()).isEqualTo(rejected);
    assertThat(retry.events()).isEmpty();
  }

  @Test
  void onlyRejectionsStillRememberedAreRebuilt() {
    recovery.assigned(0, 0);
    decide(tomar(TAG, JUAN));
    var recent = (CommandReply.Rejected) decide(tomar(TAG, ANA)).reply();
    var expired = rejection(NOW.minus(Duration.ofMinutes(11)));
    log.rejections.addFirst(expired);
    spools.loseEverything();
    recovery.lost(0);

    recovery.ensureCurrent(0);

    assertThat(spools.commands)
        .containsKey(recent.commandId())
        .doesNotContainKey(expired.commandId());
  }

  @Test
  void noMoreRejectionsAreRebuiltThanTheStoreRemembers() {
    StoreRecovery keepingOne =
        new StoreRecovery(
            spools,
            log,
            clock,
            Duration.ofHours(1),
            new RecordRetention(Duration.ofDays(7), Duration.ofMinutes(10), 1),
            registry);
    var newer = rejection(NOW.minus(Duration.ofMinutes(1)));
    var older = rejection(NOW.minus(Duration.ofMinutes(2)));
    log.rejections.addAll(List.of(newer, older));
    keepingOne.lost(0);

    keepingOne.ensureCurrent(0);

    assertThat(spools.commands).containsKey(newer.commandId()).doesNotContainKey(older.commandId());
  }

  static CommandReply.Rejected rejection(Instant decidedAt) {
    return new CommandReply.Rejected(
        UUID.randomUUID(), TAG, "ocupado", decidedAt, RejectionReason.SPOOL_OCCUPIED, JUAN.token());
  }

  @Test
  void aStoreThatHoldsWhatWasAppliedIsNotRebuilt() {
    spools.applied.put(0, 41L);
    recovery.assigned(0, 42);

    decide(tomar(TAG, JUAN));

    assertThat(log.replays).isZero();
  }

  @Test
  void aStoreBehindTheCommittedPositionIsRebuilt() {
    spools.applied.put(0, 10L); // a replica that missed the writes of offsets 11..41
    recovery.assigned(0, 42);

    decide(tomar(TAG, JUAN));

    assertThat(log.replays).isEqualTo(1);
    assertThat(registry.counter("zeues.store.rebuilds").count()).isEqualTo(1);
  }

  /** The event log: what the listener published, replayed on demand. */
  static final class RecordingLog implements EventLog {
    static final JsonCodec CODEC = new JsonCodec();

    final List<OccupationEvent> events = new ArrayList<>();
    int replays;

    final List<CommandReply.Rejected> rejections = new ArrayList<>();

    @Override
    public long replay(int partition, BiConsumer<OccupationEvent, byte[]> sink) {
      replays++;
      events.forEach(event -> sink.accept(event, CODEC.write(event)));
      return events.size();
    }

    @Override
    public long rejections(int partition, Instant since, Consumer<CommandReply.Rejected> sink) {
      rejections.forEach(sink);
      return rejections.size();
    }
  }
}
