package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import cl.zeues.occupation.events.TimingHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tablets' path: {@code POST /api/occupation/{tomar|pausar|completar|cancelar}} to the
 * command-api, with the body the contract describes, over HTTP/1.1 keep-alive connections.
 */
final class HttpPath implements CommandPath {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String apiBase;
  private final Duration timeout;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();

  private final String authorization;
  private final ReplyWatch replies;

  /**
   * @param token the bearer credential every request carries
   * @param brokers where {@link ReplyWatch} reads the replies' stamps
   */
  HttpPath(String apiBase, String token, Duration timeout, String brokers, String clientId) {
    this.apiBase = apiBase;
    this.authorization = "Bearer " + token;
    this.timeout = timeout;
    this.replies = new ReplyWatch(brokers, clientId + "-replies");
  }

  @Override
  public void breakdownInto(@Nullable Breakdown breakdown) {
    replies.breakdownInto(breakdown);
  }

  @Override
  public CompletableFuture<String> submit(Planned planned) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    apiBase
                        + "/api/occupation/"
                        + planned.action().name().toLowerCase(Locale.ROOT)))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(body(planned)))
            .build();
    long sent = TimingHeaders.now();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                return Outcome.ERROR;
              }
              long answered = TimingHeaders.now();
              String commandId = commandId(response.body());
              if (commandId != null) {
                replies.answered(commandId, sent, answered);
              }
              return Outcome.ofHttp(response.statusCode(), response.body());
            });
  }

  /** The {@code command_id} an answer names (a 200, or a problem the processor decided). */
  private static @Nullable String commandId(String body) {
    try {
      JsonNode id = JSON.readTree(body).get("command_id");
      return id != null && id.isString() ? id.asString() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The JSON a tablet sends; PAUSAR/COMPLETAR/CANCELAR leave {@code operacion} to the server. */
  static String body(Planned planned) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tag_spool", planned.tag());
    body.put("worker_id", planned.worker().id());
    body.put("worker_nombre", planned.worker().nombre());
    if (planned.operacion() != null) {
      body.put("operacion", planned.operacion().name());
    }
    return JSON.writeValueAsString(body);
  }

  @Override
  public void close() {
    replies.close();
    http.close();
  }
}
