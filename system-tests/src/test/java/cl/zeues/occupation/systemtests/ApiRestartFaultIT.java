package cl.zeues.occupation.systemtests;

import static cl.zeues.occupation.systemtests.Tablets.json;
import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The API restarts (the command-api is stateless: in-flight reply waits are lost) while tablets
 * keep working and retry what went unanswered under the same Idempotency-Key. A retry must get the
 * first outcome, never a second decision: a TOMAR refused before the restart stays refused after it
 * even though the spool has been freed since.
 */
class ApiRestartFaultIT {

  static final String RUN = "API-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  @Test
  void apiRestartWithIdempotencyKey() {
    String spool = RUN + "-KEY";
    List<String> tags =
        IntStream.rangeClosed(1, 30).mapToObj(i -> RUN + "-%03d".formatted(i)).toList();
    try (ZeuesSystem system = ZeuesSystem.builder().processors(1).start()) {
      system.catalog(tags);
      system.catalog(List.of(spool));
      ClientLedger ledger = new ClientLedger(system);
      String taken = Tablets.body(spool, 1, Operacion.ARM, null);
      String refused = Tablets.body(spool, 2, Operacion.ARM, null);
      ClientLedger.Call first = ledger.send("tomar", spool, 1, taken, RUN + "-taken");
      ClientLedger.Call second = ledger.send("tomar", spool, 2, refused, RUN + "-refused");
      ClientLedger.Call pause =
          ledger.send("pausar", spool, 1, Tablets.body(spool, 1, null, null), RUN + "-paused");
      assertThat(List.of(first.status(), second.status(), pause.status()))
          .containsExactly(200, 409, 200);

      long restartAt;
      long readyAt;
      try (ShopFloorTraffic traffic =
          ShopFloorTraffic.start(ledger, tags, RUN, 10, Duration.ofMillis(40), true)) {
        traffic.awaitRequests(100, Duration.ofSeconds(60));
        restartAt = ledger.now();
        system.restartApi();
        readyAt = ledger.now();
        traffic.awaitMore(200, 80, Duration.ofSeconds(60));
      }

      // The spool is free now, so a second decision would be a 200: the retry must still be 409.
      ZeuesSystem.Response retried =
          system.post(
              "/api/occupation/tomar", refused, Map.of("Idempotency-Key", RUN + "-refused"));
      assertThat(retried.status()).isEqualTo(409);
      JsonNode problem = json(retried);
      assertThat(problem.path("code").asString()).isEqualTo("SPOOL_OCCUPIED");
      assertThat(problem.path("ocupado_por").asString()).isEqualTo(Tablets.token(1));
      assertThat(problem.path("command_id").asString()).isEqualTo(second.commandId().toString());
      ZeuesSystem.Response retriedTake =
          system.post("/api/occupation/tomar", taken, Map.of("Idempotency-Key", RUN + "-taken"));
      assertThat(retriedTake.status()).isEqualTo(200);
      assertThat(json(retriedTake).path("version").asLong()).isEqualTo(1);
      assertThat(json(retriedTake).path("command_id").asString())
          .isEqualTo(first.commandId().toString());
      assertThat(system.events(spool))
          .extracting(e -> e.getClass().getSimpleName())
          .containsExactly("SpoolTomado", "SpoolPausado");

      ledger.settle(Duration.ofSeconds(60));
      List<OccupationEvent> log = system.events();
      ledger.assertConsistentWith(log);
      LogInvariants.assertConsistent(system, log, tags);
      AuditChecks.assertVerifyClean(system);
      long retriedKeys =
          ledger.calls().stream()
              .filter(c -> !c.answered())
              .map(ClientLedger.Call::key)
              .distinct()
              .count();
      System.out.printf(
          "%s; API restart at t=%.1fs, ready again %.1f s later; %d keys retried after no answer%n",
          ledger.summary("apiRestartWithIdempotencyKey"),
          restartAt / 1000.0,
          (readyAt - restartAt) / 1000.0,
          retriedKeys);
    }
  }
}
