package cl.zeues.occupation.benchmarks.reads;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A read a tablet or the board makes, with its share of a tablet-like mix; {@link #FLOOR} is the
 * static board page on the same server, outside the security chain and the read model: what HTTP
 * alone costs in the same run.
 */
enum ReadRoute {
  STATUS("status", 35),
  BATCH_STATUS("batch-status(100)", 15),
  OCUPADOS("ocupados", 15),
  INICIAR_ARM("iniciar ARM", 10),
  DASHBOARD("dashboard", 10),
  HISTORY("history", 10),
  WORKERS("workers", 5),
  FLOOR("floor: /tablero/", 0);

  final String label;
  final int weight;

  ReadRoute(String label, int weight) {
    this.label = label;
    this.weight = weight;
  }

  /** A route drawn by weight; the floor is drawn as often as the lightest read. */
  static ReadRoute pick(Random random) {
    int total = 0;
    for (ReadRoute route : values()) {
      total += route.share();
    }
    int roll = random.nextInt(total);
    for (ReadRoute route : values()) {
      roll -= route.share();
      if (roll < 0) {
        return route;
      }
    }
    throw new IllegalStateException("weights sum to " + total);
  }

  private int share() {
    return this == FLOOR ? WORKERS.weight : weight;
  }

  HttpRequest request(
      String base, String token, List<String> tags, List<Integer> workerIds, Random random) {
    String tag = tags.get(random.nextInt(tags.size()));
    HttpRequest.Builder builder =
        switch (this) {
          case STATUS -> get(base + "/api/occupation/status/" + tag);
          case OCUPADOS ->
              get(
                  base
                      + "/api/spools/ocupados?worker_id="
                      + workerIds.get(random.nextInt(workerIds.size())));
          case INICIAR_ARM -> get(base + "/api/spools/iniciar?operacion=ARM");
          case DASHBOARD -> get(base + "/api/dashboard/occupied");
          case HISTORY -> get(base + "/api/history/" + tag);
          case WORKERS -> get(base + "/api/workers");
          case FLOOR -> get(base + "/tablero/");
          case BATCH_STATUS ->
              HttpRequest.newBuilder(URI.create(base + "/api/spools/batch-status"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(batchBody(tags, random)));
        };
    return builder.header("Authorization", "Bearer " + token).build();
  }

  private static HttpRequest.Builder get(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).GET();
  }

  private static String batchBody(List<String> tags, Random random) {
    return random
        .ints(100, 0, tags.size())
        .mapToObj(i -> "\"" + tags.get(i) + "\"")
        .collect(Collectors.joining(",", "{\"tags\":[", "]}"));
  }
}
