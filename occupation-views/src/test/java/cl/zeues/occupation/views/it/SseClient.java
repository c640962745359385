package cl.zeues.occupation.views.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A client of {@code /api/sse/stream} that parses the stream as EventSource does (fields {@code
 * id}, {@code event}, {@code data}; comments start with {@code :}) on a virtual thread of its own.
 */
final class SseClient implements AutoCloseable {

  /** One dispatched event. */
  record Event(@Nullable String id, String name, String data) {}

  final List<Event> events = new CopyOnWriteArrayList<>();
  final List<String> comments = new CopyOnWriteArrayList<>();
  final int status;
  final String contentType;
  final String body;
  private final @Nullable Stream<String> lines;
  private final @Nullable Thread reader;
  private volatile boolean ended;

  /** Connects (the response's headers have arrived when this returns). */
  SseClient(HttpClient client, int port, @Nullable String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sse/stream"))
            .header("Accept", "text/event-stream")
            .GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    status = response.statusCode();
    contentType = response.headers().firstValue("Content-Type").orElse("");
    if (status != 200) {
      try (Stream<String> all = response.body()) {
        body = String.join("\n", all.toList());
      }
      lines = null;
      reader = null;
      ended = true;
      return;
    }
    body = "";
    lines = response.body();
    reader = Thread.ofVirtual().start(this::read);
  }

  private void read() {
    String id = null;
    String name = "message";
    StringBuilder data = new StringBuilder();
    try {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, name, data.toString()));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1));
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) {
            value = value.substring(1);
          }
          switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" -> {
              if (!data.isEmpty()) {
                data.append('\n');
              }
              data.append(value);
            }
            default -> {}
          }
        }
      }
    } catch (UncheckedIOException e) {
      // closed by us or by the server
    } finally {
      ended = true;
    }
  }

  List<Event> named(String name) {
    return events.stream().filter(e -> e.name().equals(name)).toList();
  }

  /** The ids of the {@code spool_update} events received, in order. */
  List<String> updateIds() {
    return named("spool_update").stream().map(Event::id).toList();
  }

  boolean hasEnded() {
    return ended;
  }

  @Override
  public void close() {
    if (lines != null) {
      lines.close();
    }
    Thread t = reader;
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
