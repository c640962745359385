package cl.zeues.occupation.views.sse;

import java.io.IOException;
import java.time.Duration;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A connection's messages written to its Spring MVC {@link SseEmitter}. */
final class EmitterSink implements SseSink {

  static final String UPDATE = "spool_update";
  static final String RESET = "reset";
  static final String DROPPED = "dropped";

  private final SseEmitter emitter;

  EmitterSink(SseEmitter emitter) {
    this.emitter = emitter;
  }

  @Override
  public void open(Duration reconnectAfter) throws IOException {
    emitter.send(SseEmitter.event().reconnectTime(reconnectAfter.toMillis()).comment("conectado"));
  }

  @Override
  public void update(String id, String data) throws IOException {
    emitter.send(SseEmitter.event().id(id).name(UPDATE).data(data));
  }

  @Override
  public void reset(String reason) throws IOException {
    emitter.send(SseEmitter.event().name(RESET).data(reason));
  }

  @Override
  public void heartbeat() throws IOException {
    emitter.send(SseEmitter.event().comment("ping"));
  }

  @Override
  public void dropped() throws IOException {
    emitter.send(
        SseEmitter.event()
            .name(DROPPED)
            .data(
                "Conexión cerrada: el cliente no leyó a tiempo; reconecte con Last-Event-ID para"
                    + " seguir sin perder nada"));
  }

  @Override
  public void close() {
    try {
      emitter.complete();
    } catch (RuntimeException e) {
      // already completed by the container (client gone, timeout): nothing to end
    }
  }
}
