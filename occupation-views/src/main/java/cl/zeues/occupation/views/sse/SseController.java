package cl.zeues.occupation.views.sse;

import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.model.ViewNotReadyException;
import cl.zeues.occupation.views.web.ViewProblemException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/sse/stream}: every change of every spool as a {@code spool_update} event whose
 * SSE {@code id} is the event's id, heartbeat comments while idle, and {@code Last-Event-ID} to
 * resume. Over the connection limit: 503 {@code CONEXIONES_AGOTADAS} at once.
 */
@RestController
class SseController {

  static final Duration FULL_RETRY = Duration.ofSeconds(10);

  private final SseHub hub;
  private final OccupationViews views;
  private final Duration maxConnectionAge;

  SseController(SseHub hub, OccupationViews views, Duration maxConnectionAge) {
    this.hub = hub;
    this.views = views;
    this.maxConnectionAge = maxConnectionAge;
  }

  @GetMapping("/api/sse/stream")
  SseEmitter stream(
      @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
    if (!views.isLoaded()) {
      throw new ViewNotReadyException(
          "La vista aún está leyendo el registro de eventos; reintente en unos segundos");
    }
    SseEmitter emitter = new SseEmitter(maxConnectionAge.toMillis());
    SseConnection connection;
    try {
      connection = hub.open(lastEventId, new EmitterSink(emitter));
    } catch (SseHub.TooManyConnectionsException e) {
      throw new ViewProblemException(
          HttpStatus.SERVICE_UNAVAILABLE, "CONEXIONES_AGOTADAS", e.getMessage(), FULL_RETRY);
    }
    emitter.onCompletion(connection::close);
    emitter.onTimeout(
        () -> {
          // the connection's age is up: end it cleanly; the client resumes with Last-Event-ID
          connection.close();
          emitter.complete();
        });
    emitter.onError(error -> connection.close());
    return emitter;
  }
}
