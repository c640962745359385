package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.Worker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Records on the commands topic that are not commands (garbage, an empty value, an unknown type, a
 * command missing its worker, a command filed under another spool's key) land in the dead-letter
 * topic with their cause, in the same transaction as the partition moves on: the spool's commands
 * before and after them are still decided, in order, while the shop's traffic goes on.
 */
class PoisonCommandFaultIT {

  static final String RUN = "PSN-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
  static final String CAUSE_HEADER = "zeues_dlt_cause";

  @Test
  void poisonCommand() {
    String spool = RUN + "-POISONED";
    List<String> tags =
        IntStream.rangeClosed(1, 20).mapToObj(i -> RUN + "-%03d".formatted(i)).toList();
    try (ZeuesSystem system = ZeuesSystem.builder().processors(1).start()) {
      system.catalog(tags);
      system.catalog(List.of(spool));
      ClientLedger ledger = new ClientLedger(system);
      Map<String, byte @Nullable []> poison = poison(system, spool);
      try (ShopFloorTraffic traffic =
          ShopFloorTraffic.start(ledger, tags, RUN, 8, Duration.ofMillis(40), false)) {
        traffic.awaitRequests(100, Duration.ofSeconds(60));

        assertThat(send(ledger, "tomar", spool, 1, Operacion.ARM).status()).isEqualTo(200);
        poison.forEach((what, value) -> system.send(Topics.COMMANDS.name(), spool, value));
        assertThat(send(ledger, "pausar", spool, 1, null).status()).isEqualTo(200);
        assertThat(send(ledger, "tomar", spool, 2, Operacion.ARM).status()).isEqualTo(200);

        traffic.awaitMore(200, 60, Duration.ofSeconds(60));
      }

      List<ConsumerRecord<String, byte[]>> parked =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      system.records(Topics.COMMANDS_DLT.name()).stream()
                          .filter(r -> spool.equals(r.key()))
                          .toList(),
                  records -> records.size() >= poison.size());
      assertThat(parked).hasSize(poison.size());
      assertThat(parked)
          .extracting(ConsumerRecord::value)
          .containsExactlyElementsOf(poison.values());
      assertThat(parked).allSatisfy(r -> assertThat(header(r, CAUSE_HEADER)).isNotBlank());
      assertThat(system.events(spool))
          .extracting(e -> e.getClass().getSimpleName() + " v" + e.version())
          .containsExactly("SpoolTomado v1", "SpoolPausado v2", "SpoolTomado v3");

      ledger.settle(Duration.ofSeconds(60));
      List<OccupationEvent> log = system.events();
      ledger.assertConsistentWith(log);
      LogInvariants.assertConsistent(system, log, tags);
      AuditChecks.assertVerifyClean(system);
      System.out.printf(
          "%s; dead-lettered: %s%n",
          ledger.summary("poisonCommand"),
          parked.stream().map(r -> header(r, CAUSE_HEADER)).toList());
    }
  }

  /** What a broken producer, a hand-typed console message or a schema drift could put there. */
  static Map<String, byte @Nullable []> poison(ZeuesSystem system, String spool) {
    OccupationCommand.Tomar valid =
        new OccupationCommand.Tomar(
            UUID.randomUUID(),
            spool,
            Worker.of(3, Tablets.nombre(3)),
            Operacion.ARM,
            Instant.now());
    String json = new String(system.codec.write(valid), StandardCharsets.UTF_8);
    OccupationCommand.Tomar otherSpool =
        new OccupationCommand.Tomar(
            UUID.randomUUID(),
            spool + "-OTHER",
            Worker.of(3, Tablets.nombre(3)),
            Operacion.ARM,
            Instant.now());
    Map<String, byte @Nullable []> poison = new LinkedHashMap<>();
    poison.put("not JSON", utf8("TOMAR " + spool + " por favor"));
    poison.put("a tombstone", null);
    poison.put("empty value", new byte[0]);
    poison.put("a JSON array", utf8("[1, 2, 3]"));
    poison.put("an unknown type", utf8(json.replace("\"TOMAR\"", "\"ROBAR\"")));
    poison.put("no worker", utf8(json.replaceFirst("\"worker\":\\{[^}]*\\},?", "")));
    poison.put("a truncated command", utf8(json.substring(0, json.length() / 2)));
    poison.put("filed under another spool's key", system.codec.write(otherSpool));
    return poison;
  }

  private static ClientLedger.Call send(
      ClientLedger ledger, String action, String tag, int worker, @Nullable Operacion operacion) {
    return ledger.send(
        action,
        tag,
        worker,
        Tablets.body(tag, worker, operacion, null),
        RUN + "-" + action + "-" + worker);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
