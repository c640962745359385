package cl.zeues.occupation.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.log.LogRecord;
import cl.zeues.occupation.audit.log.RecordRef;
import cl.zeues.occupation.audit.testing.ShopHistory;
import cl.zeues.occupation.domain.EstadoCalidad;
import cl.zeues.occupation.events.EventChain;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.MetrologiaCompletada;
import cl.zeues.occupation.events.OccupationEvent.SpoolCompletado;
import cl.zeues.occupation.events.OccupationEvent.SpoolDesbloqueado;
import cl.zeues.occupation.events.OccupationEvent.SpoolPausado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {

  private static final Instant START = Instant.parse("2026-03-02T11:00:00Z");

  private final ShopHistory shop = new ShopHistory(7, START);
  private final List<LogRecord> log = new ArrayList<>();

  @Test
  void aRealHistoryIsClean() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.after(Duration.ofHours(2)).pausar("MK-1", ShopHistory.JUAN);
    shop.after(Duration.ofMinutes(5)).tomar("MK-1", ShopHistory.MARIA, Operacion.ARM);
    shop.after(Duration.ofHours(3)).completar("MK-1", ShopHistory.MARIA);
    shop.tomar("MK-1", ShopHistory.PEDRO, Operacion.SOLD);
    // The lease lapses; the next TOMAR records the expiry and the take under one command id.
    shop.after(Duration.ofHours(13)).tomar("MK-1", ShopHistory.JUAN, Operacion.SOLD);
    shop.after(Duration.ofHours(1)).cancelar("MK-1", ShopHistory.JUAN);
    shop.tomar("MK-2", ShopHistory.JUAN, Operacion.ARM);
    shop.after(Duration.ofMinutes(1)).liberar("MK-2", "admin@zeues");
    shop.tomar("MK-2", ShopHistory.MARIA, Operacion.ARM);
    shop.after(Duration.ofHours(13)).expirar("MK-2");

    VerifyResult result = verify(shop.records(6));

    assertThat(result.findings()).isEmpty();
    assertThat(result.clean()).isTrue();
    assertThat(result.events()).isEqualTo(shop.events().size()).isEqualTo(12);
    assertThat(result.spools()).isEqualTo(2);
  }

  @Test
  void anEventWhoseBytesWereEditedIsNamedByItsSuccessorsLink() {
    threeEventsOnOneSpool();
    List<LogRecord> records = new ArrayList<>(shop.records(1));
    // Someone moves the pause half an hour earlier in the log itself: it still parses and folds.
    records.set(
        1,
        edited(
            records.get(1),
            "\"occurred_at\":\"2026-03-02T12:00:00Z\"",
            "\"occurred_at\":\"2026-03-02T11:30:00Z\""));

    Finding finding = onlyFinding(verify(records));

    assertThat(finding.rule()).isEqualTo(Rule.CHAIN_BROKEN);
    assertThat(finding.tagSpool()).isEqualTo("MK-1");
    assertThat(finding.events()).containsExactly(new RecordRef(0, 1), new RecordRef(0, 2));
    assertThat(finding.detail()).contains("version 3 links to").contains("was changed");
  }

  @Test
  void aLinkDroppedOnceTheChainBeganIsBroken() {
    threeEventsOnOneSpool();
    List<LogRecord> records = new ArrayList<>(shop.records(1));
    String link = shop.events().get(1).hashAnterior();
    records.set(
        1, edited(records.get(1), "\"hash_anterior\":\"" + link + "\"", "\"hash_anterior\":null"));

    VerifyResult result = verify(records);

    assertThat(result.findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.CHAIN_BROKEN, Rule.CHAIN_BROKEN);
    assertThat(result.findings().getFirst().events())
        .containsExactly(new RecordRef(0, 0), new RecordRef(0, 1));
    assertThat(result.findings().getFirst().detail()).contains("has no hash_anterior");
  }

  @Test
  void aLogWrittenBeforeTheChainExistedIsClean() {
    threeEventsOnOneSpool();
    List<LogRecord> records = new ArrayList<>();
    for (LogRecord record : shop.records(1)) {
      String json = new String(record.value(), StandardCharsets.UTF_8);
      records.add(edited(record, json, json.replaceAll(",\"hash_anterior\":\"[0-9a-f]{64}\"", "")));
    }

    assertThat(verify(records).findings()).isEmpty();
  }

  private void threeEventsOnOneSpool() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.after(Duration.ofHours(1)).pausar("MK-1", ShopHistory.JUAN);
    shop.after(Duration.ofHours(1)).tomar("MK-1", ShopHistory.MARIA, Operacion.ARM);
    assertThat(verify(shop.records(1)).findings()).isEmpty();
  }

  private static LogRecord edited(LogRecord record, String from, String to) {
    String json = new String(record.value(), StandardCharsets.UTF_8);
    assertThat(json).contains(from);
    return new LogRecord(
        record.partition(),
        record.offset(),
        record.key(),
        json.replace(from, to).getBytes(StandardCharsets.UTF_8),
        record.ceType());
  }

  @Test
  void twoOccupantsAtOnceAreADoubleOccupation() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    log.addAll(shop.records(1));
    add(tomado("MK-1", 2, ShopHistory.MARIA));

    Finding finding = onlyFinding(verify(log));

    assertThat(finding.rule()).isEqualTo(Rule.DOUBLE_OCCUPATION);
    assertThat(finding.tagSpool()).isEqualTo("MK-1");
    assertThat(finding.events()).containsExactly(new RecordRef(0, 0), new RecordRef(0, 1));
    assertThat(finding.detail()).contains("MS(12)").contains("JP(94)");
  }

  @Test
  void aPauseByAnotherWorkerIsAReleaseByANonOccupant() {
    SpoolTomado taken = (SpoolTomado) shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM).get(0);
    log.addAll(shop.records(1));
    add(
        new SpoolPausado(
            shop.uuid(),
            shop.uuid(),
            "MK-1",
            2,
            ShopHistory.MARIA,
            Operacion.ARM,
            taken.occupationId(),
            START.plusSeconds(60),
            START,
            null));

    Finding finding = onlyFinding(verify(log));

    assertThat(finding.rule()).isEqualTo(Rule.RELEASE_BY_NON_OCCUPANT);
    assertThat(finding.events()).containsExactly(new RecordRef(0, 0), new RecordRef(0, 1));
  }

  @Test
  void aPauseOfAFreeSpoolIsAReleaseByANonOccupant() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    SpoolPausado paused = (SpoolPausado) shop.pausar("MK-1", ShopHistory.JUAN).get(0);
    log.addAll(shop.records(1));
    add(
        new SpoolPausado(
            shop.uuid(),
            shop.uuid(),
            "MK-1",
            3,
            ShopHistory.JUAN,
            Operacion.ARM,
            paused.occupationId(),
            START.plusSeconds(60),
            START,
            null));

    assertThat(onlyFinding(verify(log)).rule()).isEqualTo(Rule.RELEASE_BY_NON_OCCUPANT);
  }

  @Test
  void aSkippedVersionIsAGapReportedOnce() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.pausar("MK-1", ShopHistory.JUAN);
    List<OccupationEvent> events = new ArrayList<>(shop.events());
    shop.tomar("MK-1", ShopHistory.MARIA, Operacion.ARM);
    shop.pausar("MK-1", ShopHistory.MARIA);
    // Drop version 3: version 4 follows 2; the spool is judged as the log left it afterwards.
    events.add(shop.events().get(3));
    log.addAll(ShopHistory.records(events, 1));

    List<Finding> findings = verify(log).findings();

    assertThat(findings).extracting(Finding::rule).contains(Rule.VERSION_GAP);
    Finding gap = findings.stream().filter(f -> f.rule() == Rule.VERSION_GAP).findFirst().get();
    assertThat(gap.detail()).contains("version 4 follows 2");
    assertThat(gap.events()).containsExactly(new RecordRef(0, 1), new RecordRef(0, 2));
    assertThat(findings).extracting(Finding::rule).doesNotContain(Rule.VERSION_REPEAT);
  }

  @Test
  void aVersionSeenBeforeIsARepeat() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.pausar("MK-1", ShopHistory.JUAN);
    log.addAll(shop.records(1));
    // A second decision on the same version 2 (another id), as two writers without fencing would.
    SpoolPausado paused = (SpoolPausado) shop.events().get(1);
    add(
        new SpoolPausado(
            shop.uuid(),
            shop.uuid(),
            "MK-1",
            2,
            paused.worker(),
            paused.operacion(),
            paused.occupationId(),
            paused.occurredAt(),
            paused.ocupadoDesde(),
            null));

    List<Finding> findings = verify(log).findings();

    assertThat(findings).extracting(Finding::rule).contains(Rule.VERSION_REPEAT);
    Finding repeat =
        findings.stream().filter(f -> f.rule() == Rule.VERSION_REPEAT).findFirst().get();
    assertThat(repeat.events()).containsExactly(new RecordRef(0, 1), new RecordRef(0, 2));
  }

  @Test
  void aCommandWhoseEventsComeFromTwoDecisionsIsDecidedTwice() {
    OccupationEvent first = shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM).get(0);
    shop.tomar("MK-2", ShopHistory.JUAN, Operacion.ARM);
    log.addAll(shop.records(1));
    SpoolTomado second = (SpoolTomado) shop.events().get(1);
    add(
        new SpoolPausado(
            shop.uuid(),
            first.commandId(),
            "MK-2",
            2,
            second.worker(),
            second.operacion(),
            second.occupationId(),
            START,
            START,
            null));

    Finding finding = onlyFinding(verify(log));

    assertThat(finding.rule()).isEqualTo(Rule.COMMAND_DECIDED_TWICE);
    assertThat(finding.events()).containsExactly(new RecordRef(0, 0), new RecordRef(0, 2));
  }

  @Test
  void unreadableValuesAreMalformed() {
    log.add(new LogRecord(0, 0, "MK-9", "{not json".getBytes(StandardCharsets.UTF_8), null));
    log.add(new LogRecord(0, 1, "MK-9", null, null));
    log.add(
        new LogRecord(
            0,
            2,
            "MK-9",
            "{\"type\":\"SpoolPausado\",\"tag_spool\":\"MK-9\",\"version\":1}"
                .getBytes(StandardCharsets.UTF_8),
            "cl.zeues.occupation.SpoolPausado.v1"));

    VerifyResult result = verify(log);

    assertThat(result.findings()).extracting(Finding::rule).containsOnly(Rule.MALFORMED_EVENT);
    assertThat(result.findings()).hasSize(3);
    assertThat(result.findings().get(2).detail()).contains("without event_id").contains("worker");
    assertThat(result.findings().get(0).tagSpool()).isEqualTo("MK-9");
  }

  @Test
  void aKeyOtherThanTheTagIsAMismatch() {
    OccupationEvent event = shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM).get(0);
    log.add(new LogRecord(0, 0, "MK-2", shop.json(event), ceType(event)));

    Finding finding = onlyFinding(verify(log));

    assertThat(finding.rule()).isEqualTo(Rule.KEY_MISMATCH);
    assertThat(finding.tagSpool()).isEqualTo("MK-1");
  }

  @Test
  void aMissingOrWrongCeTypeIsAMismatch() {
    OccupationEvent taken = shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM).get(0);
    OccupationEvent paused = shop.pausar("MK-1", ShopHistory.JUAN).get(0);
    log.add(new LogRecord(0, 0, "MK-1", shop.json(taken), null));
    log.add(new LogRecord(0, 1, "MK-1", shop.json(paused), ceType(taken)));

    List<Finding> findings = verify(log).findings();

    assertThat(findings)
        .extracting(Finding::rule)
        .containsExactly(Rule.CE_TYPE_MISMATCH, Rule.CE_TYPE_MISMATCH);
    assertThat(findings.get(1).detail()).contains("SpoolTomado.v1").contains("SpoolPausado.v1");
  }

  @Test
  void anEventFromANewerSchemaVersionCannotBeReadAndIsMalformed() {
    OccupationEvent taken = shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM).get(0);
    log.add(new LogRecord(0, 0, "MK-1", shop.json(taken), "cl.zeues.occupation.SpoolTomado.v2"));

    Finding finding = onlyFinding(verify(log));

    assertThat(finding.rule()).isEqualTo(Rule.MALFORMED_EVENT);
    assertThat(finding.detail()).contains("newer producer");
  }

  @Test
  void theSameEventTwiceIsADuplicateAndCountedOnce() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    log.addAll(shop.records(1));
    LogRecord copy = log.get(0);
    log.add(new LogRecord(0, 1, copy.key(), copy.value(), copy.ceType()));

    VerifyResult result = verify(log);

    assertThat(onlyFinding(result).rule()).isEqualTo(Rule.DUPLICATE_EVENT);
    assertThat(result.findings().get(0).events())
        .containsExactly(new RecordRef(0, 0), new RecordRef(0, 1));
  }

  @Test
  void oneSpoolOnTwoPartitionsIsReported() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.pausar("MK-1", ShopHistory.JUAN);
    List<LogRecord> records = shop.records(1);
    log.add(records.get(0));
    LogRecord second = records.get(1);
    log.add(new LogRecord(3, 0, second.key(), second.value(), second.ceType()));

    assertThat(onlyFinding(verify(log)).rule()).isEqualTo(Rule.SPOOL_IN_TWO_PARTITIONS);
  }

  @Test
  void anEventTheDomainCannotApplyIsUnfoldable() {
    // METROLOGIA is an instant inspection: no decision ever takes a spool for it.
    add(tomado("MK-1", 1, ShopHistory.JUAN, Operacion.METROLOGIA));

    Finding finding = onlyFinding(verify(log));

    assertThat(finding.rule()).isEqualTo(Rule.UNFOLDABLE_EVENT);
    assertThat(finding.detail()).contains("METROLOGIA");
  }

  @Test
  void findingsBeyondTheLimitAreCountedNotListed() {
    for (int i = 0; i < 5; i++) {
      log.add(new LogRecord(0, i, "MK-" + i, "x".getBytes(StandardCharsets.UTF_8), null));
    }
    Verifier verifier = new Verifier(2);
    log.forEach(verifier::accept);

    VerifyResult result = verifier.result();

    assertThat(result.findings()).hasSize(2);
    assertThat(result.findingCount()).isEqualTo(5);
    assertThat(result.counts()).containsEntry(Rule.MALFORMED_EVENT, 5L);
  }

  /** MK-1 with ARM and SOLD completed: it awaits metrology. */
  private void welded() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.completar("MK-1", ShopHistory.JUAN);
    shop.tomar("MK-1", ShopHistory.MARIA, Operacion.SOLD);
    shop.completar("MK-1", ShopHistory.MARIA);
  }

  private void rejectedAndRepaired() {
    shop.metrologia("MK-1", ShopHistory.PEDRO, Resultado.RECHAZADO);
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.REPARACION);
    shop.completar("MK-1", ShopHistory.JUAN);
  }

  @Test
  void aWholeQualityLoopIsClean() {
    welded();
    rejectedAndRepaired();
    shop.metrologia("MK-1", ShopHistory.PEDRO, Resultado.RECHAZADO);
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.REPARACION);
    shop.pausar("MK-1", ShopHistory.JUAN);
    shop.tomar("MK-1", ShopHistory.MARIA, Operacion.REPARACION);
    shop.completar("MK-1", ShopHistory.MARIA);
    shop.metrologia("MK-1", ShopHistory.PEDRO, Resultado.RECHAZADO);
    shop.desbloquear("MK-1", "supervisora");
    shop.metrologia("MK-1", ShopHistory.PEDRO, Resultado.APROBADO);

    VerifyResult result = verify(shop.records(3));

    assertThat(result.findings()).isEmpty();
    assertThat(shop.state("MK-1").calidad().estado()).isEqualTo(EstadoCalidad.APROBADO);
  }

  @Test
  void aSecondApprovalIsAnInspectionNotAllowed() {
    welded();
    MetrologiaCompletada approved =
        (MetrologiaCompletada)
            shop.metrologia("MK-1", ShopHistory.PEDRO, Resultado.APROBADO).getFirst();
    log.addAll(shop.records(1));
    add(inspection(approved, 6, Resultado.APROBADO, 0));

    Finding finding = onlyFinding(verify(log));

    assertThat(finding.rule()).isEqualTo(Rule.INSPECTION_NOT_ALLOWED);
    assertThat(finding.detail()).contains("APROBADO");
  }

  @Test
  void anInspectionBeforeSoldIsCompletedIsNotAllowed() {
    shop.tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    SpoolCompletado arm = (SpoolCompletado) shop.completar("MK-1", ShopHistory.JUAN).getFirst();
    log.addAll(shop.records(1));
    add(
        new MetrologiaCompletada(
            shop.uuid(),
            shop.uuid(),
            "MK-1",
            3,
            ShopHistory.PEDRO,
            Operacion.METROLOGIA,
            shop.uuid(),
            arm.occurredAt(),
            Resultado.RECHAZADO,
            1,
            arm.fechaOperacion()));

    assertThat(onlyFinding(verify(log)).rule()).isEqualTo(Rule.INSPECTION_NOT_ALLOWED);
  }

  @Test
  void aRejectionThatDoesNotCountUpBreaksTheCycle() {
    welded();
    rejectedAndRepaired();
    log.addAll(shop.records(1));
    MetrologiaCompletada first =
        (MetrologiaCompletada)
            shop.events().stream().filter(MetrologiaCompletada.class::isInstance).findFirst().get();
    // The second rejection must record cycle 2; this one restarts at 1, as the earlier system did.
    add(inspection(first, 8, Resultado.RECHAZADO, 1));

    Finding finding = onlyFinding(verify(log));

    assertThat(finding.rule()).isEqualTo(Rule.CYCLE_BROKEN);
    assertThat(finding.detail()).contains("records cycle 1").contains("give 2");
  }

  @Test
  void aRepairOnABlockedSpoolIsNotAllowed() {
    welded();
    rejectedAndRepaired();
    rejectedAndRepaired();
    shop.metrologia("MK-1", ShopHistory.PEDRO, Resultado.RECHAZADO);
    assertThat(shop.state("MK-1").calidad().estado()).isEqualTo(EstadoCalidad.BLOQUEADO);
    log.addAll(shop.records(1));
    add(
        new SpoolTomado(
            shop.uuid(),
            shop.uuid(),
            "MK-1",
            shop.state("MK-1").version() + 1,
            ShopHistory.JUAN,
            Operacion.REPARACION,
            shop.uuid(),
            shop.now(),
            shop.now().plus(Duration.ofHours(12)),
            false,
            ShopHistory.FECHA_MATERIALES,
            "JP(94)",
            3));

    assertThat(onlyFinding(verify(log)).rule()).isEqualTo(Rule.REPAIR_NOT_ALLOWED);
  }

  @Test
  void anUnblockOfASpoolThatIsNotBlockedIsFound() {
    welded();
    log.addAll(shop.records(1));
    add(
        new SpoolDesbloqueado(
            shop.uuid(),
            shop.uuid(),
            "MK-1",
            5,
            cl.zeues.occupation.events.Worker.supervisor("admin"),
            Operacion.METROLOGIA,
            shop.uuid(),
            shop.now(),
            "admin",
            null,
            0));

    assertThat(onlyFinding(verify(log)).rule()).isEqualTo(Rule.UNBLOCK_NOT_BLOCKED);
  }

  private MetrologiaCompletada inspection(
      MetrologiaCompletada like, long version, Resultado resultado, int ciclo) {
    return new MetrologiaCompletada(
        shop.uuid(),
        shop.uuid(),
        like.tagSpool(),
        version,
        like.worker(),
        Operacion.METROLOGIA,
        shop.uuid(),
        like.occurredAt(),
        resultado,
        ciclo,
        like.fechaOperacion());
  }

  private SpoolTomado tomado(String tag, long version, cl.zeues.occupation.events.Worker worker) {
    return tomado(tag, version, worker, Operacion.ARM);
  }

  private SpoolTomado tomado(
      String tag, long version, cl.zeues.occupation.events.Worker worker, Operacion operacion) {
    var command = shop.uuid();
    return new SpoolTomado(
        shop.uuid(),
        command,
        tag,
        version,
        worker,
        operacion,
        command,
        START.plusSeconds(30),
        START.plus(Duration.ofHours(12)),
        false,
        ShopHistory.FECHA_MATERIALES,
        null,
        null);
  }

  /**
   * Appends {@code event}, linked to the last record of its spool as the processor would link it,
   * so the test's own violation is the only one.
   */
  private void add(OccupationEvent event) {
    OccupationEvent linked = event.withHashAnterior(linkAfter(event.tagSpool()));
    log.add(new LogRecord(0, log.size(), event.tagSpool(), shop.json(linked), ceType(event)));
  }

  private String linkAfter(String tag) {
    return log.reversed().stream()
        .filter(record -> tag.equals(record.key()))
        .findFirst()
        .map(record -> EventChain.hashOf(record.value()))
        .orElse(EventChain.GENESIS);
  }

  private static String ceType(OccupationEvent event) {
    return cl.zeues.occupation.events.CloudEventHeaders.typeOf(event);
  }

  private static VerifyResult verify(List<LogRecord> records) {
    Verifier verifier = new Verifier(100);
    records.forEach(verifier::accept);
    return verifier.result();
  }

  private static Finding onlyFinding(VerifyResult result) {
    assertThat(result.findings()).hasSize(1);
    return result.findings().get(0);
  }
}
