package cl.zeues.occupation.views.sse;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/** Records what a connection wrote; optionally blocks its first update until released (slow). */
final class RecordingSink implements SseSink {

  final List<String> messages = new CopyOnWriteArrayList<>();
  final List<String> ids = new CopyOnWriteArrayList<>();
  private final @Nullable CountDownLatch gate;
  volatile boolean closed;
  volatile boolean blocked;

  RecordingSink() {
    this(null);
  }

  RecordingSink(@Nullable CountDownLatch gate) {
    this.gate = gate;
  }

  @Override
  public void open(Duration reconnectAfter) {
    messages.add("open");
  }

  @Override
  public void update(String id, String data) throws IOException {
    if (gate != null) {
      blocked = true;
      try {
        gate.await();
      } catch (InterruptedException e) {
        throw new IOException("interrupted", e);
      }
    }
    ids.add(id);
    messages.add("update:" + id);
  }

  @Override
  public void reset(String reason) {
    messages.add("reset");
  }

  @Override
  public void heartbeat() {
    messages.add("ping");
  }

  @Override
  public void dropped() {
    messages.add("dropped");
  }

  @Override
  public void close() {
    closed = true;
  }
}
