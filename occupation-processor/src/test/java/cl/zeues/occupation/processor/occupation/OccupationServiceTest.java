package cl.zeues.occupation.processor.occupation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.events.CommandReply;
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
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OccupationServiceTest {

  static final Worker JUAN = Worker.of(94, "Juan Perez");
  static final Worker ANA = Worker.of(12, "Ana Bravo");
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  final InMemorySpools spools = new InMemorySpools();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final AtomicLong offsets = new AtomicLong();

  {
    // a store that holds everything applied so far (nothing yet) on every partition
    java.util.stream.IntStream.range(0, 6).forEach(p -> spools.applied.put(p, -1L));
  }

  final OccupationService service =
      new OccupationService(
          new OccupationDecider(OccupationPolicy.DEFAULT),
          spools,
          spools,
          new ConflictService(RetryPolicy.DEFAULT, registry, d -> {}, new Random(1)),
          Clock.fixed(NOW, ZoneOffset.UTC),
          Duration.ofHours(1),
          registry);

  String spool(LocalDate materiales) {
    String tag = "MK-0001-CW-00001-" + String.format("%03d", spools.catalog.size() + 1);
    spools.catalog.put(tag, new SpoolCatalogEntry(tag, materiales));
    return tag;
  }

  String spool() {
    return spool(LocalDate.parse("2026-10-01"));
  }

  CommandOutcome handle(OccupationCommand command) {
    return service.handle(command, new CommandSource(0, offsets.getAndIncrement()));
  }

  static OccupationCommand.Tomar tomar(String tag, Worker w, Operacion op) {
    return new OccupationCommand.Tomar(UUID.randomUUID(), tag, w, op, NOW);
  }

  static RejectionReason reason(CommandOutcome outcome) {
    return ((CommandReply.Rejected) outcome.reply()).reason();
  }

  @Test
  void tomarValidatesPrerequisites() {
    String withoutMaterials = spool(null);
    String fresh = spool();

    CommandOutcome noMaterials = handle(tomar(withoutMaterials, JUAN, Operacion.ARM));
    CommandOutcome soldBeforeArm = handle(tomar(fresh, JUAN, Operacion.SOLD));
    CommandOutcome unknown = handle(tomar("MK-9999-XX-99999-999", JUAN, Operacion.ARM));

    assertThat(reason(noMaterials)).isEqualTo(RejectionReason.DEPENDENCIAS_NO_SATISFECHAS);
    assertThat(reason(soldBeforeArm)).isEqualTo(RejectionReason.DEPENDENCIAS_NO_SATISFECHAS);
    assertThat(reason(unknown)).isEqualTo(RejectionReason.SPOOL_NO_ENCONTRADO);
    assertThat(List.of(noMaterials, soldBeforeArm, unknown))
        .allSatisfy(o -> assertThat(o.events()).isEmpty());
    assertThat(spools.locks).isEmpty();
    assertThat(spools.states).isEmpty();
  }

  @Test
  void lockAcquiredBeforeAnyEventIsRecorded() {
    String tag = spool();

    CommandOutcome outcome = handle(tomar(tag, JUAN, Operacion.ARM));

    assertThat(outcome.events()).singleElement().isInstanceOf(OccupationEvent.SpoolTomado.class);
    assertThat(spools.journal)
        .containsExactly("load " + tag, "write " + tag + " v1 taking the lock");
    assertThat(spools.locks.get(tag)).isEqualTo(outcome.events().getFirst().occupationId());
  }

  @Test
  void eachAcquisitionHasItsOwnLockToken() {
    String tag = spool();
    handle(tomar(tag, JUAN, Operacion.ARM));
    UUID first = spools.locks.get(tag);
    handle(new OccupationCommand.Pausar(UUID.randomUUID(), tag, JUAN, null, NOW));
    handle(tomar(tag, ANA, Operacion.ARM));

    assertThat(spools.locks.get(tag)).isNotNull().isNotEqualTo(first);
  }

  @Test
  void pausarChecksOwnershipAndTheLockStaysWithTheOwner() {
    String tag = spool();
    handle(tomar(tag, JUAN, Operacion.ARM));
    UUID lock = spools.locks.get(tag);

    CommandOutcome byAna =
        handle(new OccupationCommand.Pausar(UUID.randomUUID(), tag, ANA, null, NOW));

    assertThat(reason(byAna)).isEqualTo(RejectionReason.NO_AUTORIZADO);
    assertThat(byAna.events()).isEmpty();
    assertThat(spools.locks.get(tag)).isEqualTo(lock);

    CommandOutcome byJuan =
        handle(new OccupationCommand.Pausar(UUID.randomUUID(), tag, JUAN, null, NOW));

    assertThat(byJuan.events()).singleElement().isInstanceOf(OccupationEvent.SpoolPausado.class);
    assertThat(spools.locks).doesNotContainKey(tag);
  }

  @Test
  void completarSetsTheRightDateForArmAndSold() {
    String tag = spool();
    handle(tomar(tag, JUAN, Operacion.ARM));
    CommandOutcome arm =
        handle(new OccupationCommand.Completar(UUID.randomUUID(), tag, JUAN, null, null, NOW));
    handle(tomar(tag, ANA, Operacion.SOLD));
    CommandOutcome sold =
        handle(
            new OccupationCommand.Completar(
                UUID.randomUUID(), tag, ANA, Operacion.SOLD, LocalDate.parse("2026-11-20"), NOW));

    var armDone = (OccupationEvent.SpoolCompletado) arm.events().getFirst();
    var soldDone = (OccupationEvent.SpoolCompletado) sold.events().getFirst();
    assertThat(armDone.operacion()).isEqualTo(Operacion.ARM);
    assertThat(armDone.fechaOperacion()).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(soldDone.operacion()).isEqualTo(Operacion.SOLD);
    assertThat(soldDone.fechaOperacion()).isEqualTo(LocalDate.parse("2026-11-20"));
    assertThat(spools.states.get(tag).arm().fecha()).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(spools.states.get(tag).sold().fecha()).isEqualTo(LocalDate.parse("2026-11-20"));
  }

  @Test
  void aBatchOfCommandsReportsAnOutcomePerSpool() {
    List<String> tags = List.of(spool(), spool(), spool(), spool());
    handle(tomar(tags.get(1), ANA, Operacion.ARM));

    List<CommandOutcome> outcomes =
        tags.stream().map(t -> handle(tomar(t, JUAN, Operacion.ARM))).toList();

    assertThat(outcomes)
        .extracting(o -> o.reply() instanceof CommandReply.Accepted)
        .containsExactly(true, false, true, true);
    assertThat(outcomes).extracting(o -> o.reply().tagSpool()).containsExactlyElementsOf(tags);
    assertThat(((CommandReply.Rejected) outcomes.get(1).reply()).ocupadoPor()).isEqualTo("AB(12)");
  }

  @Test
  void anEventRecordedForEveryAcceptedCommand() {
    String tag = spool();
    List<OccupationCommand> commands =
        List.of(
            tomar(tag, JUAN, Operacion.ARM),
            new OccupationCommand.Pausar(UUID.randomUUID(), tag, JUAN, null, NOW),
            tomar(tag, ANA, Operacion.ARM),
            new OccupationCommand.Cancelar(UUID.randomUUID(), tag, ANA, null, NOW));

    List<CommandOutcome> outcomes = commands.stream().map(this::handle).toList();

    assertThat(outcomes)
        .allSatisfy(o -> assertThat(o.reply()).isInstanceOf(CommandReply.Accepted.class));
    assertThat(outcomes).allSatisfy(o -> assertThat(o.events()).hasSize(1));
    assertThat(outcomes.stream().map(o -> o.events().getFirst().version()))
        .containsExactly(1L, 2L, 3L, 4L);
    assertThat(outcomes)
        .allSatisfy(
            o ->
                assertThat(((CommandReply.Accepted) o.reply()).eventIds())
                    .containsExactlyElementsOf(
                        o.events().stream().map(OccupationEvent::eventId).toList()));
  }

  @Test
  void theSameCommandRedeliveredAtTheSameRecordRepublishesTheSameEvents() {
    String tag = spool();
    OccupationCommand command = tomar(tag, JUAN, Operacion.ARM);
    CommandSource source = new CommandSource(2, 40);

    CommandOutcome first = service.handle(command, source);
    CommandOutcome redelivered = service.handle(command, source);

    assertThat(redelivered).isEqualTo(first);
    assertThat(spools.states.get(tag).version()).isEqualTo(1);
  }

  @Test
  void aClientRetryWithTheSameCommandIdGetsTheFirstReplyAndNoEvents() {
    String tag = spool();
    OccupationCommand command = tomar(tag, JUAN, Operacion.ARM);

    CommandOutcome first = service.handle(command, new CommandSource(0, 1));
    CommandOutcome retried = service.handle(command, new CommandSource(0, 7));

    assertThat(retried.reply()).isEqualTo(first.reply());
    assertThat(retried.events()).isEmpty();
    assertThat(spools.states.get(tag).version()).isEqualTo(1);
  }

  /**
   * A batch decided TOMAR by Ana (rejected: Juan holds the spool), then Juan's PAUSAR, and never
   * committed; Kafka came back after the rejection's record expired. Accepting Ana's TOMAR now
   * would publish it after Juan's later PAUSAR with a higher version: it is refused instead.
   */
  @Test
  void aRedeliveredRejectionWhoseRecordExpiredIsNotAcceptedOverLaterDecisions() {
    String tag = spool();
    service.handle(tomar(tag, JUAN, Operacion.ARM), new CommandSource(0, 10));
    OccupationCommand anaTomar = tomar(tag, ANA, Operacion.ARM);
    assertThat(reason(service.handle(anaTomar, new CommandSource(0, 11))))
        .isEqualTo(RejectionReason.SPOOL_OCCUPIED);
    var pausar = new OccupationCommand.Pausar(UUID.randomUUID(), tag, JUAN, null, NOW);
    service.handle(pausar, new CommandSource(0, 12));
    spools.commands.remove(anaTomar.commandId()); // expired while the batch stayed uncommitted

    assertThatThrownBy(() -> service.handle(anaTomar, new CommandSource(0, 11)))
        .isInstanceOf(ForgottenCommandException.class)
        .hasMessageContaining(anaTomar.commandId().toString());
    assertThat(spools.states.get(tag).version()).isEqualTo(2);
    assertThat(spools.states.get(tag).occupation()).isNull();
  }

  @Test
  void aRedeliveredRejectionWhoseRecordExpiredIsRejectedAgainWhenItStillDoesNotApply() {
    String tag = spool();
    service.handle(tomar(tag, JUAN, Operacion.ARM), new CommandSource(0, 10));
    OccupationCommand anaTomar = tomar(tag, ANA, Operacion.ARM);
    service.handle(anaTomar, new CommandSource(0, 11));
    var pausar = new OccupationCommand.Pausar(UUID.randomUUID(), tag, JUAN, null, NOW);
    service.handle(pausar, new CommandSource(0, 12));
    service.handle(tomar(tag, JUAN, Operacion.ARM), new CommandSource(0, 13)); // resumes
    spools.commands.remove(anaTomar.commandId());

    CommandOutcome again = service.handle(anaTomar, new CommandSource(0, 11));

    assertThat(reason(again)).isEqualTo(RejectionReason.SPOOL_OCCUPIED);
    assertThat(again.events()).isEmpty();
  }

  @Test
  void aCommandWithoutARecordIsDecidedWhenNoLaterCommandWroteItsSpool() {
    String tag = spool();
    OccupationCommand first = tomar(tag, JUAN, Operacion.ARM);
    service.handle(first, new CommandSource(0, 10));
    spools.commands.remove(first.commandId());
    // Redis lost the uncommitted decision; rebuilt from the log, the spool has no writer.
    spools.loseEverything();
    spools.applied.put(0, 10L);

    assertThat(service.handle(first, new CommandSource(0, 10)).reply())
        .isInstanceOf(CommandReply.Accepted.class);
  }

  @Test
  void aWriteThatLosesToAZombieWritingTheSameDecisionIsRetriedAndKeepsTheLock() {
    String tag = spool();
    OccupationCommand command = tomar(tag, JUAN, Operacion.ARM);
    // A fenced-out zombie decides the same command first, between our load and our write.
    spools.beforeNextWrite = () -> service.handle(command, new CommandSource(0, 0));

    CommandOutcome outcome = service.handle(command, new CommandSource(0, 0));

    assertThat(outcome.reply()).isInstanceOf(CommandReply.Accepted.class);
    assertThat(outcome.events()).hasSize(1);
    assertThat(registry.counter("zeues.occupation.conflicts").count()).isEqualTo(1);
    assertThat(spools.states.get(tag).version()).isEqualTo(1);
    assertThat(spools.locks.get(tag)).isEqualTo(outcome.events().getFirst().occupationId());
  }

  @Test
  void aStaleLockTheStateDoesNotKnowIsReplacedByTheTake() {
    String tag = spool();
    UUID stale = UUID.randomUUID();
    spools.locks.put(tag, stale);

    CommandOutcome outcome = handle(tomar(tag, JUAN, Operacion.ARM));

    assertThat(outcome.reply()).isInstanceOf(CommandReply.Accepted.class);
    assertThat(spools.locks.get(tag)).isNotEqualTo(stale);
    assertThat(registry.counter("zeues.lock.stale.released").count()).isEqualTo(1);
  }

  List<OccupationService.Handled> handleAll(OccupationCommand... commands) {
    return service.handleAll(
        java.util.Arrays.stream(commands)
            .map(
                c ->
                    new OccupationService.Request(
                        c, new CommandSource(0, offsets.getAndIncrement())))
            .toList());
  }

  @Test
  void aPollIsDecidedInWavesEachSpoolsCommandsInOrder() {
    String a = spool();
    String b = spool();

    List<OccupationService.Handled> handled =
        handleAll(
            tomar(a, JUAN, Operacion.ARM),
            tomar(b, JUAN, Operacion.ARM),
            new OccupationCommand.Pausar(UUID.randomUUID(), a, JUAN, null, NOW),
            tomar(b, ANA, Operacion.ARM),
            tomar(a, ANA, Operacion.ARM));

    assertThat(spools.journal)
        .containsExactly(
            "load " + a,
            "load " + b,
            "write " + a + " v1 taking the lock",
            "write " + b + " v1 taking the lock",
            "load " + a,
            "load " + b,
            "write " + a + " v2",
            "reject " + b,
            "load " + a,
            "write " + a + " v3 taking the lock");
    assertThat(handled)
        .extracting(h -> h.outcome().reply() instanceof CommandReply.Accepted)
        .containsExactly(true, true, true, false, true);
    assertThat(reason(handled.get(3).outcome())).isEqualTo(RejectionReason.SPOOL_OCCUPIED);
    assertThat(spools.states.get(a).occupation().worker()).isEqualTo(ANA);
    assertThat(handled)
        .allSatisfy(
            h -> {
              assertThat(h.decidedAt()).isGreaterThanOrEqualTo(h.loadedAt());
              assertThat(h.writtenAt()).isGreaterThanOrEqualTo(h.decidedAt());
            });
  }

  @Test
  void aPollDecidesAsOneByOneWould() {
    List<String> tags = List.of(spool(), spool(), spool());
    List<OccupationCommand> commands =
        List.of(
            tomar(tags.get(0), JUAN, Operacion.ARM),
            tomar(tags.get(0), ANA, Operacion.ARM),
            tomar(tags.get(1), ANA, Operacion.SOLD),
            new OccupationCommand.Pausar(UUID.randomUUID(), tags.get(0), ANA, null, NOW),
            new OccupationCommand.Pausar(UUID.randomUUID(), tags.get(0), JUAN, null, NOW),
            tomar(tags.get(2), ANA, Operacion.ARM),
            tomar(tags.get(0), ANA, Operacion.ARM));

    List<OccupationService.Handled> together =
        handleAll(commands.toArray(OccupationCommand[]::new));
    OccupationServiceTest oneByOne = new OccupationServiceTest();
    tags.forEach(t -> oneByOne.spool());
    List<CommandOutcome> alone = commands.stream().map(oneByOne::handle).toList();

    assertThat(together)
        .extracting(h -> summary(h.outcome()))
        .containsExactlyElementsOf(alone.stream().map(OccupationServiceTest::summary).toList());
    assertThat(spools.states).hasSameSizeAs(oneByOne.spools.states);
    oneByOne.spools.states.forEach(
        (tag, state) -> assertThat(spools.states.get(tag).version()).isEqualTo(state.version()));
  }

  /**
   * What a tablet sees of an outcome: accepted (with how many events) or the rejection's reason.
   */
  static String summary(CommandOutcome outcome) {
    return switch (outcome.reply()) {
      case CommandReply.Accepted a -> "accepted v" + a.version() + " " + outcome.events().size();
      case CommandReply.Rejected r -> r.reason().name();
    };
  }

  @Test
  void aWaveWriteThatLosesIsRetriedBeforeTheSpoolsNextCommand() {
    String tag = spool();
    OccupationCommand take = tomar(tag, JUAN, Operacion.ARM);
    // A fenced-out zombie decides the same command first, between the wave's load and write.
    spools.beforeNextWrite = () -> service.handle(take, new CommandSource(0, 0));

    List<OccupationService.Handled> handled =
        handleAll(take, new OccupationCommand.Pausar(UUID.randomUUID(), tag, JUAN, null, NOW));

    assertThat(handled)
        .allSatisfy(h -> assertThat(h.outcome().reply()).isInstanceOf(CommandReply.Accepted.class));
    assertThat(registry.counter("zeues.occupation.conflicts").count()).isEqualTo(1);
    assertThat(spools.states.get(tag).version()).isEqualTo(2);
    assertThat(spools.locks).doesNotContainKey(tag);
  }

  @Test
  void aForgottenCommandInAPollIsReportedAndTheOthersAreDecided() {
    String tag = spool();
    String other = spool();
    service.handle(tomar(tag, JUAN, Operacion.ARM), new CommandSource(0, 10));
    OccupationCommand anaTomar = tomar(tag, ANA, Operacion.ARM);
    service.handle(anaTomar, new CommandSource(0, 11));
    service.handle(
        new OccupationCommand.Pausar(UUID.randomUUID(), tag, JUAN, null, NOW),
        new CommandSource(0, 12));
    spools.commands.remove(anaTomar.commandId()); // expired while the batch stayed uncommitted

    List<OccupationService.Handled> handled =
        service.handleAll(
            List.of(
                new OccupationService.Request(anaTomar, new CommandSource(0, 11)),
                new OccupationService.Request(
                    tomar(other, ANA, Operacion.ARM), new CommandSource(0, 13))));

    assertThat(handled.get(0).forgotten()).isNotNull();
    assertThat(handled.get(0).outcome()).isNull();
    assertThat(handled.get(1).outcome().reply()).isInstanceOf(CommandReply.Accepted.class);
    assertThat(spools.states.get(tag).version()).isEqualTo(2);
  }
}
