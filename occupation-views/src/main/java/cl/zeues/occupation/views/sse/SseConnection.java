package cl.zeues.occupation.views.sse;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One client of the stream: a bounded queue the hub fills without ever blocking, and a writer (a
 * virtual thread of its own) that drains it into the client's response. A client that lets its
 * queue fill is dropped, not waited for: one slow tablet must not stall the others.
 */
final class SseConnection {

  private final long id;
  private final SseSink sink;
  private final ArrayBlockingQueue<SpoolUpdate> queue;
  private final List<SpoolUpdate> backlog;
  private final @Nullable String resetReason;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean dropped;
  private volatile boolean closed;
  private volatile @Nullable Thread writer;

  /**
   * @param backlog what the client missed before connecting (sent first, outside the bound)
   * @param resetReason non-null when the client's {@code Last-Event-ID} could not be resumed
   */
  SseConnection(
      long id,
      SseSink sink,
      int bufferSize,
      List<SpoolUpdate> backlog,
      @Nullable String resetReason) {
    this.id = id;
    this.sink = sink;
    this.queue = new ArrayBlockingQueue<>(bufferSize);
    this.backlog = List.copyOf(backlog);
    this.resetReason = resetReason;
  }

  long id() {
    return id;
  }

  /** Queues {@code update}; false when the buffer is full. Never blocks. */
  boolean offer(SpoolUpdate update) {
    return queue.offer(update);
  }

  /** The hub gave up on this client; its writer ends as soon as it gets control. */
  void markDropped() {
    dropped = true;
  }

  boolean isDropped() {
    return dropped;
  }

  /** The response ended (client gone, timeout, shutdown): stop writing. */
  void close() {
    closed = true;
    Thread t = writer;
    if (t != null) {
      t.interrupt();
    }
  }

  /** Starts the writer; {@code onEnd} runs once when it ends, whatever ended it. */
  void start(SseHub.Writing writing, Runnable onEnd) {
    writer =
        Thread.ofVirtual()
            .name("sse-" + id)
            .start(
                () -> {
                  try {
                    write(writing);
                  } finally {
                    sink.close();
                    if (ended.compareAndSet(false, true)) {
                      onEnd.run();
                    }
                  }
                });
  }

  private void write(SseHub.Writing writing) {
    try {
      sink.open(writing.reconnectAfter());
      if (resetReason != null) {
        sink.reset(resetReason);
      }
      for (SpoolUpdate update : backlog) {
        if (closed || dropped) {
          break;
        }
        sink.update(update.id(), update.data(writing.render()));
      }
      while (!closed && !dropped) {
        SpoolUpdate update = queue.poll(writing.heartbeat().toNanos(), TimeUnit.NANOSECONDS);
        if (closed || dropped) {
          break;
        }
        if (update == null) {
          sink.heartbeat();
        } else {
          sink.update(update.id(), update.data(writing.render()));
        }
      }
      if (dropped && !closed) {
        sink.dropped();
      }
    } catch (IOException | IllegalStateException e) {
      // the client has gone (or its response already ended): nothing left to write to
    } catch (InterruptedException e) {
      // close(): the response ended while the writer waited
    }
  }
}
