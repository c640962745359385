package cl.zeues.occupation.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay a Redis replica replicates through ({@code --replicaof 127.0.0.1 <relay
 * port>}) that the test can starve: from {@link #starve()} on, what the primary sends is read and
 * dropped. The replica stays up, answers Sentinel and keeps its link to the primary, but misses
 * every write from then on: the lagging replica an asynchronous failover may promote.
 */
final class ReplicationRelay implements AutoCloseable {

  private final int primaryPort;
  private final ServerSocket listener;
  private final AtomicBoolean starved = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private ReplicationRelay(int primaryPort) {
    this.primaryPort = primaryPort;
    try {
      listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("no loopback port for the replication relay", e);
    }
    acceptor = Thread.ofPlatform().daemon().name("replication-relay").start(this::accept);
  }

  /** A relay to the Redis primary on {@code primaryPort}, listening on a free loopback port. */
  static ReplicationRelay to(int primaryPort) {
    return new ReplicationRelay(primaryPort);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** From now on the replica receives nothing more from its primary. */
  void starve() {
    starved.set(true);
  }

  /** Bytes of the replication stream dropped since {@link #starve()}. */
  long droppedBytes() {
    return dropped.get();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    sockets.forEach(ReplicationRelay::closeQuietly);
    acceptor.join();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket replica;
      try {
        replica = listener.accept();
      } catch (IOException closed) {
        return;
      }
      sockets.add(replica);
      Socket primary = new Socket();
      sockets.add(primary);
      try {
        primary.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), primaryPort), 1000);
      } catch (IOException primaryDown) {
        closeQuietly(replica);
        closeQuietly(primary);
        continue;
      }
      Thread.ofVirtual().start(() -> pump(replica, primary, false));
      Thread.ofVirtual().start(() -> pump(primary, replica, true));
    }
  }

  /** Copies {@code from} to {@code to} until either side closes, then closes both. */
  private void pump(Socket from, Socket to, boolean fromPrimary) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (fromPrimary && starved.get()) {
          dropped.addAndGet(n);
          continue;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException closed) {
      // one side went away: so does the other
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
