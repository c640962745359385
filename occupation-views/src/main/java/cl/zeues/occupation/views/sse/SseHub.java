package cl.zeues.occupation.views.sse;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.views.model.SpoolChanges;
import cl.zeues.occupation.views.model.SpoolView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans every live change of the view out to the stream's clients, within bounds: at most {@code
 * maxConnections} clients (more are refused at once), each with a queue of {@code bufferSize}
 * updates (a client that lets it fill is dropped and counted), and a journal of the last {@code
 * replaySize} updates so a client reconnecting with {@code Last-Event-ID} resumes without a gap.
 *
 * <p>The feed's thread only appends to the journal and offers to queues: it never writes to a
 * socket, so no client can slow the view down.
 */
public final class SseHub implements SpoolChanges {

  private static final Logger log = LoggerFactory.getLogger(SseHub.class);

  /** How connections write: heartbeat interval, client reconnect delay, and the data renderer. */
  record Writing(
      Duration heartbeat, Duration reconnectAfter, Function<SpoolUpdate, String> render) {}

  /** Over {@code maxConnections}: answered 503 at once. */
  static final class TooManyConnectionsException extends RuntimeException {
    TooManyConnectionsException(int max) {
      super(
          "El stream ya tiene "
              + max
              + " conexiones, el máximo configurado; reintente en unos segundos");
    }
  }

  private final int maxConnections;
  private final int bufferSize;
  private final Writing writing;
  private final ReentrantLock lock = new ReentrantLock();
  private final UpdateJournal journal;
  private final List<SseConnection> connections = new ArrayList<>();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicLong ids = new AtomicLong();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder resets = new LongAdder();

  SseHub(
      int maxConnections,
      int bufferSize,
      int replaySize,
      Duration heartbeat,
      Duration reconnectAfter,
      Function<SpoolUpdate, String> render) {
    this.maxConnections = maxConnections;
    this.bufferSize = bufferSize;
    this.journal = new UpdateJournal(replaySize);
    this.writing = new Writing(heartbeat, reconnectAfter, render);
  }

  /**
   * Registers a client and starts its writer.
   *
   * @param lastEventId the client's {@code Last-Event-ID}: it first gets every update after that
   *     one, or a {@code reset} when this process cannot tell what it missed
   * @throws TooManyConnectionsException over the maximum; nothing is registered
   */
  SseConnection open(@Nullable String lastEventId, SseSink sink) {
    if (active.incrementAndGet() > maxConnections) {
      active.decrementAndGet();
      refused.increment();
      throw new TooManyConnectionsException(maxConnections);
    }
    SseConnection connection;
    lock.lock();
    try {
      List<SpoolUpdate> backlog = List.of();
      String resetReason = null;
      if (lastEventId != null && !lastEventId.isBlank()) {
        Optional<List<SpoolUpdate>> missed = parse(lastEventId).flatMap(journal::after);
        if (missed.isPresent()) {
          backlog = missed.get();
        } else {
          resetReason =
              "Last-Event-ID "
                  + lastEventId
                  + " no está entre las últimas actualizaciones de este servidor; recargue el"
                  + " estado (GET /api/dashboard/occupied) y siga el stream";
          resets.increment();
        }
      }
      connection = new SseConnection(ids.incrementAndGet(), sink, bufferSize, backlog, resetReason);
      connections.add(connection);
    } finally {
      lock.unlock();
    }
    connection.start(writing, () -> ended(connection));
    return connection;
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void ended(SseConnection connection) {
    lock.lock();
    try {
      connections.remove(connection);
    } finally {
      lock.unlock();
    }
    active.decrementAndGet();
  }

  @Override
  public void changed(OccupationEvent event, SpoolView view) {
    lock.lock();
    try {
      SpoolUpdate update = journal.append(event, view);
      for (Iterator<SseConnection> it = connections.iterator(); it.hasNext(); ) {
        SseConnection connection = it.next();
        if (!connection.offer(update)) {
          it.remove();
          connection.markDropped();
          dropped.increment();
          log.info(
              "SSE client {} dropped: {} updates unread; it may resume with Last-Event-ID",
              connection.id(),
              bufferSize);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Ends every connection (shutdown); their clients reconnect elsewhere or later. */
  public void closeAll() {
    lock.lock();
    try {
      connections.forEach(SseConnection::close);
    } finally {
      lock.unlock();
    }
  }

  /** Connections open now (including ones whose writer is still finishing). */
  public int connectionCount() {
    return active.get();
  }

  public long droppedCount() {
    return dropped.sum();
  }

  public long refusedCount() {
    return refused.sum();
  }

  public long resetCount() {
    return resets.sum();
  }
}
