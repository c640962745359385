package cl.zeues.occupation.views.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream client that connects with a tiny receive window and then reads nothing until told to: a
 * tablet whose app froze. {@link #drain} reads the whole (chunked) response and returns the ids of
 * the {@code spool_update} events it held, and whether it ended with {@code event: dropped}.
 */
final class StalledSocket implements AutoCloseable {

  record Drained(List<String> updateIds, boolean dropped) {}

  private final Socket socket;

  StalledSocket(int port) {
    try {
      socket = new Socket();
      socket.setReceiveBufferSize(1024);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket
          .getOutputStream()
          .write(
              ("GET /api/sse/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the response to its end (the server ends it after dropping this client). */
  Drained drain() throws IOException {
    socket.setSoTimeout(60_000);
    InputStream in = socket.getInputStream();
    String status = line(in);
    if (!status.contains(" 200 ")) {
      throw new IOException("unexpected status: " + status);
    }
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      chunked |=
          header.toLowerCase().startsWith("transfer-encoding:") && header.contains("chunked");
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; ) {
        body.write(in.readNBytes(size));
        line(in);
        String next = line(in);
        size = next.isEmpty() ? 0 : Integer.parseInt(next.strip(), 16);
      }
    } else {
      in.transferTo(body);
    }
    List<String> ids = new ArrayList<>();
    String id = null;
    String event = "message";
    boolean dropped = false;
    for (String sseLine : body.toString(StandardCharsets.UTF_8).split("\n", -1)) {
      if (sseLine.isEmpty()) {
        if ("spool_update".equals(event)) {
          ids.add(id);
        }
        dropped |= "dropped".equals(event);
        event = "message";
      } else if (sseLine.startsWith("id:")) {
        id = sseLine.substring(3).strip();
      } else if (sseLine.startsWith("event:")) {
        event = sseLine.substring(6).strip();
      }
    }
    return new Drained(ids, dropped);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
