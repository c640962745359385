package cl.zeues.occupation.processor.occupation.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * {@code MONITOR} on a Redis of a test's own: every command the server runs, in order, telling the
 * commands a client sent (each one network round trip for a synchronous caller) from those the Lua
 * scripts ran inside them.
 */
final class RedisMonitor implements AutoCloseable {

  /** One command as MONITOR shows it: {@code source} is {@code ip:port}, or {@code lua}. */
  record Seen(String source, String command, String firstArg) {

    boolean fromLua() {
      return source.equals("lua");
    }
  }

  private final Socket socket;
  private final List<Seen> seen = new ArrayList<>();
  private final Thread reader;

  private RedisMonitor(Socket socket) {
    this.socket = socket;
    this.reader = Thread.ofVirtual().start(this::read);
  }

  static RedisMonitor attach(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return new RedisMonitor(socket);
  }

  /**
   * The commands run between the client at {@code client} echoing {@code start} and echoing {@code
   * end} (both excluded), once the end has been seen.
   */
  List<Seen> between(String client, String start, String end) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshot().stream().anyMatch(s -> isEcho(s, client, end)));
    List<Seen> all = snapshot();
    int from = indexOf(all, client, start);
    int to = indexOf(all, client, end);
    return all.subList(from + 1, to);
  }

  /** Calls per command name, sorted by name. */
  static Map<String, Long> tally(List<Seen> commands) {
    return commands.stream()
        .collect(Collectors.groupingBy(Seen::command, TreeMap::new, Collectors.counting()));
  }

  static <K> Map<K, Long> tally(List<Seen> commands, Function<Seen, K> key) {
    return commands.stream()
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private synchronized List<Seen> snapshot() {
    return List.copyOf(seen);
  }

  private static int indexOf(List<Seen> all, String client, String marker) {
    for (int i = 0; i < all.size(); i++) {
      if (isEcho(all.get(i), client, marker)) {
        return i;
      }
    }
    throw new IllegalStateException("MONITOR never showed " + client + " echo " + marker);
  }

  private static boolean isEcho(Seen seen, String client, String marker) {
    return seen.source().equals(client)
        && seen.command().equals("echo")
        && seen.firstArg().equals(marker);
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Seen parsed = parse(line);
        if (parsed != null) {
          synchronized (this) {
            seen.add(parsed);
          }
        }
      }
    } catch (IOException closed) {
      // close() ends the stream
    }
  }

  /** {@code +1733210000.123456 [0 127.0.0.1:54321] "evalsha" "9f0c..." "5" ...}; null for +OK. */
  private static Seen parse(String line) {
    int open = line.indexOf('[');
    int close = line.indexOf(']', open);
    if (open < 0 || close < 0) {
      return null;
    }
    String bracket = line.substring(open + 1, close);
    String source = bracket.substring(bracket.indexOf(' ') + 1);
    String rest = line.substring(close + 1);
    String command = quoted(rest, 0);
    String firstArg = quoted(rest, 1);
    return new Seen(source, command.toLowerCase(Locale.ROOT), firstArg);
  }

  /** The {@code n}-th quoted token of {@code text}, without unescaping (enough for names). */
  private static String quoted(String text, int n) {
    int at = 0;
    for (int i = 0; ; i++) {
      int start = text.indexOf('"', at);
      if (start < 0) {
        return "";
      }
      int end = start + 1;
      while (end < text.length() && text.charAt(end) != '"') {
        end += text.charAt(end) == '\\' ? 2 : 1;
      }
      if (i == n) {
        return text.substring(start + 1, Math.min(end, text.length()));
      }
      at = end + 1;
    }
  }
}
