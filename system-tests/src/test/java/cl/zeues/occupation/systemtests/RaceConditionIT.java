package cl.zeues.occupation.systemtests;

import static cl.zeues.occupation.systemtests.Tablets.atOnce;
import static cl.zeues.occupation.systemtests.Tablets.json;
import static cl.zeues.occupation.systemtests.Tablets.token;
import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.StoreLayout;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The promise "never two owners", proven over HTTP against two real processors (one consumer
 * group), the real broker and the real Redis.
 */
@ExtendWith(OutputCaptureExtension.class)
class RaceConditionIT {

  static ZeuesSystem system;
  static Tablets tablets;
  static final AtomicInteger spools = new AtomicInteger();
  static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  @BeforeAll
  static void start() {
    system = ZeuesSystem.start(2, ZombieWriterConfiguration.class);
    tablets = new Tablets(system);
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  /** A new spool with materials, in the catalog; unique per test run. */
  static String spool(String prefix) {
    String tag = prefix + "-" + RUN + "-" + String.format("%04d", spools.incrementAndGet());
    system.catalog(List.of(tag));
    return tag;
  }

  static List<Integer> statuses(List<ZeuesSystem.Response> responses) {
    return responses.stream().map(ZeuesSystem.Response::status).toList();
  }

  static String lockHolder(String tag) {
    return system.redis().get(StoreLayout.lockKey(tag));
  }

  @Test
  void concurrentTomarPreventsDoubleBooking() {
    String tag = spool("RACE");

    List<ZeuesSystem.Response> responses =
        atOnce(
            IntStream.rangeClosed(1, 10)
                .<Callable<ZeuesSystem.Response>>mapToObj(
                    w -> () -> tablets.tomar(tag, w, Operacion.ARM))
                .toList());

    assertThat(statuses(responses)).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses(responses)).filteredOn(s -> s == 409).hasSize(9);
    int winner =
        IntStream.range(0, 10).filter(i -> responses.get(i).status() == 200).findFirst().getAsInt()
            + 1;
    assertThat(responses)
        .filteredOn(r -> r.status() == 409)
        .allSatisfy(
            r -> {
              assertThat(json(r).path("code").asString()).isEqualTo("SPOOL_OCCUPIED");
              assertThat(json(r).path("ocupado_por").asString()).isEqualTo(token(winner));
            });
    List<OccupationEvent> events = system.events(tag);
    assertThat(events).singleElement().isInstanceOf(OccupationEvent.SpoolTomado.class);
    assertThat(events.getFirst().worker().id()).isEqualTo(winner);
    assertThat(lockHolder(tag)).isEqualTo(events.getFirst().occupationId().toString());
    assertThat(system.redis().hget(StoreLayout.spoolKey(tag), StoreLayout.F_OCUPADO_POR))
        .isEqualTo(token(winner));
    JsonNode status = json(system.get("/api/occupation/status/" + tag));
    assertThat(status.path("ocupado").asBoolean()).isTrue();
    assertThat(status.path("ocupado_por").asString()).isEqualTo(token(winner));
  }

  @Test
  void concurrentRepairTomarPreventsDoubleBooking() {
    String tag = spool("RACE-REP");
    tablets.weld(tag, 1);
    Tablets.expect200(tablets.metrologia(tag, 2, "RECHAZADO"), "metrologia RECHAZADO");

    List<ZeuesSystem.Response> responses =
        atOnce(
            IntStream.rangeClosed(1, 10)
                .<Callable<ZeuesSystem.Response>>mapToObj(
                    w -> () -> tablets.reparacion("tomar", tag, w))
                .toList());

    assertThat(statuses(responses)).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses(responses)).filteredOn(s -> s == 409).hasSize(9);
    ZeuesSystem.Response won =
        responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
    assertThat(json(won).path("cycle").asInt()).isEqualTo(1);
    assertThat(json(won).path("estado_detalle").asString()).startsWith("EN_REPARACION (Ciclo 1/3)");
    List<OccupationEvent> events = system.events(tag);
    assertThat(events.getLast()).isInstanceOf(OccupationEvent.SpoolTomado.class);
    assertThat(events.getLast().operacion()).isEqualTo(Operacion.REPARACION);
    assertThat(events).filteredOn(e -> e.operacion() == Operacion.REPARACION).hasSize(1);
    assertThat(lockHolder(tag)).isEqualTo(events.getLast().occupationId().toString());
  }

  @Test
  void metrologyNeverApprovesASpoolARepairIsTaking() {
    for (int round = 0; round < 5; round++) {
      String tag = spool("RACE-MET");
      tablets.weld(tag, 1);
      Tablets.expect200(tablets.metrologia(tag, 2, "RECHAZADO"), "metrologia RECHAZADO");

      List<ZeuesSystem.Response> responses =
          atOnce(
              List.<Callable<ZeuesSystem.Response>>of(
                  () -> tablets.reparacion("tomar", tag, 3),
                  () -> tablets.metrologia(tag, 2, "APROBADO")));

      // The repair wins whatever the order: metrology is refused for a rejected spool (400) or,
      // once the repair holds it, for an occupied one (409); it never approves it.
      assertThat(responses.get(0).status()).isEqualTo(200);
      assertThat(responses.get(1).status()).isIn(400, 409);
      assertThat(json(responses.get(1)).path("code").asString())
          .isIn("OPERACION_YA_COMPLETADA", "SPOOL_OCCUPIED");
      assertThat(system.events(tag))
          .filteredOn(OccupationEvent.MetrologiaCompletada.class::isInstance)
          .hasSize(1);
    }
  }

  @Test
  void concurrentPausarOnlyOwnerSucceeds() {
    String tag = spool("RACE");
    assertThat(tablets.tomar(tag, 1, Operacion.ARM).status()).isEqualTo(200);
    String lock = lockHolder(tag);

    List<ZeuesSystem.Response> others =
        atOnce(
            IntStream.rangeClosed(2, 5)
                .<Callable<ZeuesSystem.Response>>mapToObj(w -> () -> tablets.pausar(tag, w))
                .toList());

    assertThat(statuses(others)).containsOnly(403);
    assertThat(others)
        .allSatisfy(r -> assertThat(json(r).path("code").asString()).isEqualTo("NO_AUTORIZADO"));
    assertThat(lockHolder(tag)).isEqualTo(lock);

    List<ZeuesSystem.Response> all =
        atOnce(
            IntStream.rangeClosed(1, 5)
                .<Callable<ZeuesSystem.Response>>mapToObj(w -> () -> tablets.pausar(tag, w))
                .toList());

    assertThat(all.getFirst().status()).isEqualTo(200);
    assertThat(statuses(all.subList(1, 5))).containsOnly(403);
    assertThat(lockHolder(tag)).isNull();
    assertThat(system.events(tag))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("SpoolTomado", "SpoolPausado");
  }

  @Test
  void concurrentCompletarOnlyOwnerSucceeds() {
    String tag = spool("RACE");
    assertThat(tablets.tomar(tag, 3, Operacion.ARM).status()).isEqualTo(200);

    List<ZeuesSystem.Response> all =
        atOnce(
            IntStream.rangeClosed(1, 5)
                .<Callable<ZeuesSystem.Response>>mapToObj(w -> () -> tablets.completar(tag, w))
                .toList());

    assertThat(statuses(all)).containsExactly(403, 403, 200, 403, 403);
    List<OccupationEvent> events = system.events(tag);
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("SpoolTomado", "SpoolCompletado");
    assertThat(events.get(1).worker().id()).isEqualTo(3);
    assertThat(lockHolder(tag)).isNull();
    assertThat(json(system.get("/api/occupation/status/" + tag)).path("ocupado").asBoolean())
        .isFalse();
  }

  @Test
  void batchTomarPartialSuccess() {
    List<String> tags = IntStream.range(0, 10).mapToObj(i -> spool("BATCH")).toList();
    List<String> preTaken = List.of(tags.get(1), tags.get(4), tags.get(8));
    for (int i = 0; i < preTaken.size(); i++) {
      assertThat(tablets.tomar(preTaken.get(i), 20 + i, Operacion.ARM).status()).isEqualTo(200);
    }

    ZeuesSystem.Response response = tablets.batchTomar(tags, 1, Operacion.ARM);

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("total").asInt()).isEqualTo(10);
    assertThat(body.path("succeeded").asInt()).isEqualTo(7);
    assertThat(body.path("failed").asInt()).isEqualTo(3);
    Set<String> failed = new HashSet<>();
    body.path("details")
        .forEach(
            d -> {
              if (!d.path("success").asBoolean()) {
                failed.add(d.path("tag_spool").asString());
                assertThat(d.path("code").asString()).isEqualTo("SPOOL_OCCUPIED");
              }
            });
    assertThat(failed).containsExactlyInAnyOrderElementsOf(preTaken);
    List<String> newLocks =
        tags.stream()
            .filter(
                t ->
                    token(1)
                        .equals(
                            system
                                .redis()
                                .hget(StoreLayout.spoolKey(t), StoreLayout.F_OCUPADO_POR)))
            .filter(t -> lockHolder(t) != null)
            .toList();
    assertThat(newLocks).hasSize(7).doesNotContainAnyElementsOf(preTaken);
  }

  @Test
  void versionConflictIsRetried(CapturedOutput output) {
    String zombieTag =
        spool(
            ZombieWriterConfiguration.PREFIX.substring(
                0, ZombieWriterConfiguration.PREFIX.length() - 1));
    double before = conflicts();

    ZeuesSystem.Response response = tablets.tomar(zombieTag, 5, Operacion.ARM);

    assertThat(response.status()).isEqualTo(200);
    assertThat(conflicts()).isEqualTo(before + 1);
    assertThat(output.getAll())
        .contains("spool " + zombieTag + ": attempt 1 of 3 conflicted with a concurrent write")
        .contains("spool " + zombieTag + ": decision written on attempt 2 of 3");
    assertThat(system.events(zombieTag))
        .singleElement()
        .isInstanceOf(OccupationEvent.SpoolTomado.class);
    assertThat(lockHolder(zombieTag))
        .isEqualTo(system.events(zombieTag).getFirst().occupationId().toString());
  }

  static double conflicts() {
    return system.processors().stream()
        .mapToDouble(
            p -> p.getBean(MeterRegistry.class).counter("zeues.occupation.conflicts").count())
        .sum();
  }

  /** One HTTP call of the load run and what came back. */
  record Call(String tag, String action, int worker, UUID commandId, int status, String code) {}

  @Test
  void manyClientsManySpoolsNeverDoubleBook() {
    List<String> tags = IntStream.range(0, 50).mapToObj(i -> spool("MANY")).toList();
    RandomGenerator random = new java.util.Random(42);
    ConcurrentLinkedQueue<Callable<Call>> work = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < 1_000; i++) {
      int spool = random.nextInt(tags.size());
      String tag = tags.get(spool);
      // Three workers compete for each spool (20 in all), so releases often come from the occupant.
      int worker = 1 + (spool * 3 + random.nextInt(3)) % 20;
      int roll = random.nextInt(100);
      String action = roll < 50 ? "tomar" : roll < 80 ? "pausar" : "completar";
      Operacion operacion = random.nextBoolean() ? Operacion.ARM : Operacion.SOLD;
      String key = "many-" + RUN + "-" + i;
      UUID commandId =
          UUID.nameUUIDFromBytes(
              ("idem:" + ZeuesSystem.CALLER_ID + ":" + key + ":" + tag)
                  .getBytes(StandardCharsets.UTF_8));
      work.add(
          () -> {
            ZeuesSystem.Response r =
                system.post(
                    "/api/occupation/" + action,
                    Tablets.body(tag, worker, action.equals("tomar") ? operacion : null, null),
                    Map.of("Idempotency-Key", key));
            String code =
                r.status() == 200
                    ? "OK"
                    : r.status() == 202 ? "PENDIENTE" : json(r).path("code").asString();
            return new Call(tag, action, worker, commandId, r.status(), code);
          });
    }
    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    AtomicInteger done = new AtomicInteger();
    List<Callable<Void>> clients = new ArrayList<>();
    for (int c = 0; c < 40; c++) {
      clients.add(
          () -> {
            Callable<Call> next;
            while ((next = work.poll()) != null) {
              calls.add(next.call());
              done.incrementAndGet();
            }
            return null;
          });
    }
    Thread rebalancer =
        Thread.ofPlatform()
            .start(
                () -> {
                  Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> done.get() >= 300);
                  system.addProcessor();
                  Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> done.get() >= 600);
                  system.stopProcessor(0);
                });

    atOnce(clients);
    try {
      rebalancer.join(Duration.ofMinutes(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }

    assertThat(calls).hasSize(1_000);
    assertThat(calls)
        .extracting(Call::status)
        .allSatisfy(s -> assertThat(s).isIn(200, 202, 400, 403, 409, 410));
    awaitPendingDecided(calls);
    system.awaitPartitionsAssigned();

    List<OccupationEvent> log = system.events();
    Map<String, List<OccupationEvent>> bySpool =
        log.stream()
            .filter(e -> tags.contains(e.tagSpool()))
            .collect(
                Collectors.groupingBy(
                    OccupationEvent::tagSpool, LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<String, List<OccupationEvent>> spool : bySpool.entrySet()) {
      LogInvariants.assertNeverTwoOccupants(system, spool.getKey(), spool.getValue());
    }
    Map<UUID, List<OccupationEvent>> byCommand =
        log.stream().collect(Collectors.groupingBy(OccupationEvent::commandId));
    for (Call call : calls) {
      List<OccupationEvent> produced = byCommand.getOrDefault(call.commandId(), List.of());
      if (call.status() == 200) {
        assertThat(produced).as("events of accepted %s", call).hasSize(1);
      } else if (call.status() != 202) {
        assertThat(produced).as("events of rejected %s", call).isEmpty();
      }
    }
    long accepted = calls.stream().filter(c -> c.status() == 200).count();
    assertThat(accepted).isGreaterThan(100);
    System.out.printf(
        "manyClientsManySpoolsNeverDoubleBook: %d calls, %s, %d events over %d spools%n",
        calls.size(),
        calls.stream().collect(Collectors.groupingBy(Call::code, Collectors.counting())),
        bySpool.values().stream().mapToInt(List::size).sum(),
        bySpool.size());
  }

  /** A 202 means "decided later": wait until its outcome is known. */
  static void awaitPendingDecided(Iterable<Call> calls) {
    for (Call call : calls) {
      if (call.status() == 202) {
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    system
                            .redis()
                            .hget(
                                StoreLayout.commandKey(call.tag(), call.commandId()),
                                StoreLayout.F_REPLY)
                        != null);
      }
    }
  }
}
