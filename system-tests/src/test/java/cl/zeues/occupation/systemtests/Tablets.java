package cl.zeues.occupation.systemtests;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the shop's tablets send, and many of them at once. */
final class Tablets {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final List<String> NAMES =
      List.of("Juan", "Ana", "Pedro", "María", "Luis", "Carla", "Diego", "Sofía", "Jorge", "Paula");
  private static final List<String> SURNAMES =
      List.of(
          "Pérez", "Bravo", "Soto", "Muñoz", "Rojas", "Díaz", "Vega", "Lagos", "Fuentes", "Reyes");

  private final ZeuesSystem system;

  Tablets(ZeuesSystem system) {
    this.system = system;
  }

  /** A deterministic worker name for an id: "Juan Pérez" for 1, ... */
  static String nombre(int workerId) {
    return NAMES.get(workerId % NAMES.size())
        + " "
        + SURNAMES.get((workerId / NAMES.size()) % SURNAMES.size());
  }

  static String token(int workerId) {
    return catalogEntry(workerId).worker().token();
  }

  /** The worker as the {@code Trabajadores} sheet would list them. */
  static WorkerCatalogEntry catalogEntry(int workerId) {
    return new WorkerCatalogEntry(
        workerId,
        NAMES.get(workerId % NAMES.size()),
        SURNAMES.get((workerId / NAMES.size()) % SURNAMES.size()),
        true,
        List.of("Armador", "Soldador", "Metrologia"));
  }

  ZeuesSystem.Response tomar(String tag, int worker, Operacion operacion) {
    return system.post("/api/occupation/tomar", body(tag, worker, operacion, null));
  }

  ZeuesSystem.Response pausar(String tag, int worker) {
    return system.post("/api/occupation/pausar", body(tag, worker, null, null));
  }

  ZeuesSystem.Response completar(String tag, int worker) {
    return system.post("/api/occupation/completar", body(tag, worker, null, null));
  }

  ZeuesSystem.Response metrologia(String tag, int worker, String resultado) {
    return system.post(
        "/api/metrologia/completar",
        JSON.writeValueAsString(
            Map.of(
                "tag_spool", tag,
                "worker_id", worker,
                "worker_nombre", token(worker),
                "resultado", resultado)));
  }

  /** A v3 repair alias: {@code tomar}, {@code pausar}, {@code completar} or {@code cancelar}. */
  ZeuesSystem.Response reparacion(String action, String tag, int worker) {
    return system.post(
        "/api/" + action + "-reparacion",
        JSON.writeValueAsString(Map.of("tag_spool", tag, "worker_id", worker)));
  }

  /** Brings {@code tag} to ARM and SOLD completed by {@code worker}: it awaits metrology. */
  void weld(String tag, int worker) {
    expect200(tomar(tag, worker, Operacion.ARM), "tomar ARM");
    expect200(completar(tag, worker), "completar ARM");
    expect200(tomar(tag, worker, Operacion.SOLD), "tomar SOLD");
    expect200(completar(tag, worker), "completar SOLD");
  }

  static ZeuesSystem.Response expect200(ZeuesSystem.Response response, String what) {
    if (response.status() != 200) {
      throw new AssertionError(what + " answered " + response.status() + ": " + response.body());
    }
    return response;
  }

  ZeuesSystem.Response batchTomar(List<String> tags, int worker, Operacion operacion) {
    return system.post(
        "/api/occupation/batch-tomar",
        JSON.writeValueAsString(
            Map.of(
                "tag_spools",
                tags,
                "worker_id",
                worker,
                "worker_nombre",
                nombre(worker),
                "operacion",
                operacion.name())));
  }

  static String body(
      String tag, int worker, @Nullable Operacion operacion, @Nullable String fecha) {
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("tag_spool", tag);
    body.put("worker_id", worker);
    body.put("worker_nombre", nombre(worker));
    if (operacion != null) {
      body.put("operacion", operacion.name());
    }
    if (fecha != null) {
      body.put("fecha_operacion", fecha);
    }
    return JSON.writeValueAsString(body);
  }

  static JsonNode json(ZeuesSystem.Response response) {
    return JSON.readTree(response.body());
  }

  /** Runs every call at the same instant (as far as threads allow) and returns their results. */
  static <T> List<T> atOnce(List<Callable<T>> calls) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls.size(), 64));
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures =
          calls.stream()
              .map(
                  call ->
                      pool.submit(
                          () -> {
                            start.await();
                            return call.call();
                          }))
              .toList();
      start.countDown();
      return futures.stream()
          .map(
              f -> {
                try {
                  return f.get();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              })
          .toList();
    } finally {
      pool.shutdownNow();
    }
  }
}
