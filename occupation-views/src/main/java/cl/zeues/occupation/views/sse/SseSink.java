package cl.zeues.occupation.views.sse;

import java.io.IOException;
import java.time.Duration;

/** Where one connection's messages go: an SSE response, or a test's recorder. */
interface SseSink {

  /** The first message: tells the client how long to wait before reconnecting. */
  void open(Duration reconnectAfter) throws IOException;

  /** A {@code spool_update} event with the update's event id as SSE {@code id}. */
  void update(String id, String data) throws IOException;

  /** A {@code reset} event: the client's {@code Last-Event-ID} is unknown; reload, then follow. */
  void reset(String reason) throws IOException;

  /** A comment line, so idle connections (and dead clients) are noticed. */
  void heartbeat() throws IOException;

  /** A {@code dropped} event: this client fell too far behind and must reconnect. */
  void dropped() throws IOException;

  /** Ends the response; never throws. */
  void close();
}
