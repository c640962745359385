package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.api.occupation.CommandIds;
import cl.zeues.occupation.events.OccupationEvent;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What only the clients know: every request they sent, under which Idempotency-Key, and what they
 * were answered. After a fault it settles the answers that were not final (202 pending, 503,
 * connection lost) by asking the API, and checks them against the committed event log: every 200
 * has exactly its one event (at the version it was told), every rejection has none, every command
 * the system acknowledged (200, rejection or 202) was decided, and no answer was a server error
 * other than 503.
 */
final class ClientLedger {

  /** A status for "no HTTP answer at all" (connection refused or reset, client timeout). */
  static final int NO_ANSWER = 0;

  /**
   * One HTTP attempt.
   *
   * @param at milliseconds since the ledger started, when the request was sent
   * @param took milliseconds until the answer (or the transport failure)
   */
  record Call(
      String action,
      String tag,
      int worker,
      String key,
      UUID commandId,
      int status,
      String code,
      long version,
      long at,
      long took) {

    boolean answered() {
      return status != NO_ANSWER;
    }

    /** A decision the system took: accepted, or a rejection by the processor or the API. */
    boolean decided() {
      return status == 200 || (status >= 400 && status < 500);
    }
  }

  /** How the system finally decided a command, as {@code GET /commands/{tag}/{id}} reports it. */
  record Settled(int status, String code, long version) {}

  private final ZeuesSystem system;
  private final long started = System.nanoTime();
  private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
  private final Map<UUID, Settled> settled = new ConcurrentHashMap<>();

  ClientLedger(ZeuesSystem system) {
    this.system = system;
  }

  /** Milliseconds since the ledger started (the time axis of every {@link Call}). */
  long now() {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** Sends one command request under {@code key} and records the answer, whatever it is. */
  Call send(String action, String tag, int worker, String body, String key) {
    long at = now();
    UUID commandId = CommandIds.forRequest(ZeuesSystem.CALLER_ID, key, tag);
    Call call;
    try {
      ZeuesSystem.Response r =
          system.post("/api/occupation/" + action, body, Map.of("Idempotency-Key", key));
      call =
          new Call(
              action,
              tag,
              worker,
              key,
              commandId,
              r.status(),
              codeOf(r),
              versionOf(r),
              at,
              now() - at);
    } catch (IllegalStateException transportFailure) {
      call =
          new Call(
              action, tag, worker, key, commandId, NO_ANSWER, "SIN_RESPUESTA", 0, at, now() - at);
    }
    calls.add(call);
    return call;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  int size() {
    return calls.size();
  }

  /** The last answer of each key (a key retried after a lost connection has several calls). */
  Map<String, Call> lastByKey() {
    Map<String, Call> last = new LinkedHashMap<>();
    calls.stream().sorted(Comparator.comparingLong(Call::at)).forEach(c -> last.put(c.key(), c));
    return last;
  }

  /**
   * Asks the API how every command whose answer was not final ended: a 202 must be decided within
   * {@code within} (the system acknowledged it); a 503 or a lost connection may never have been
   * published, so it is asked once and recorded as {@code PENDIENTE} if unknown.
   */
  void settle(Duration within) {
    for (Call call : lastByKey().values()) {
      if (call.decided()) {
        continue;
      }
      if (call.status() == 202) {
        Awaitility.await("decision of acknowledged " + call)
            .atMost(within)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> settledNow(call).status() != 202);
      } else {
        settledNow(call);
      }
    }
  }

  private Settled settledNow(Call call) {
    ZeuesSystem.Response r =
        system.get("/api/occupation/commands/" + call.tag() + "/" + call.commandId());
    Settled outcome = new Settled(r.status(), codeOf(r), versionOf(r));
    settled.put(call.commandId(), outcome);
    return outcome;
  }

  /** The final outcome of a key: its last decided answer, else what {@link #settle} learnt. */
  @Nullable Settled outcome(Call last) {
    if (last.decided()) {
      return new Settled(last.status(), last.code(), last.version());
    }
    return settled.get(last.commandId());
  }

  /**
   * The client's side of the invariants, against every committed event: no server error but 503,
   * answers of one key never contradict each other, every accepted command has exactly its one
   * event at the version the client was told, every rejected or never-registered command has none,
   * and no event was published twice.
   */
  void assertConsistentWith(List<OccupationEvent> log) {
    assertThat(calls)
        .as("server errors other than 503")
        .noneMatch(c -> c.status() >= 500 && c.status() != 503);
    assertThat(log.stream().map(OccupationEvent::eventId).distinct().count())
        .as("event ids published more than once")
        .isEqualTo(log.size());
    Map<UUID, List<OccupationEvent>> byCommand =
        log.stream().collect(Collectors.groupingBy(OccupationEvent::commandId));
    calls.stream()
        .collect(Collectors.groupingBy(Call::key))
        .forEach((key, attempts) -> assertAnswersAgree(attempts));
    for (Call last : lastByKey().values()) {
      List<OccupationEvent> events = byCommand.getOrDefault(last.commandId(), List.of());
      Settled outcome = outcome(last);
      assertThat(outcome).as("settled outcome of %s (call settle first)", last).isNotNull();
      if (outcome.status() == 200) {
        assertThat(events).as("events of accepted %s", last).hasSize(1);
        assertThat(events.getFirst().version())
            .as("version told to the client for %s", last)
            .isEqualTo(outcome.version());
      } else if (outcome.status() == 202) {
        assertThat(last.status())
            .as("an acknowledged command still undecided: %s", last)
            .isIn(503, NO_ANSWER);
        assertThat(events).as("events of a never-registered %s", last).isEmpty();
      } else {
        assertThat(events).as("events of rejected %s (%s)", last, outcome).isEmpty();
      }
    }
  }

  /** Every decided answer given for one key is the same decision (a retry never takes again). */
  private static void assertAnswersAgree(List<Call> attempts) {
    Set<String> decisions =
        attempts.stream()
            .filter(Call::decided)
            .map(c -> c.status() + " " + c.code() + " v" + c.version())
            .collect(Collectors.toSet());
    assertThat(decisions)
        .as("answers to key %s: %s", attempts.getFirst().key(), attempts)
        .hasSizeLessThanOrEqualTo(1);
  }

  /** Commands the client was told failed (503, or no answer) that were decided anyway. */
  List<Call> unansweredButDecided() {
    return lastByKey().values().stream()
        .filter(c -> !c.decided() && c.status() != 202)
        .filter(c -> outcome(c) != null && outcome(c).status() != 202)
        .toList();
  }

  /** Counts per answer ({@code 200}, {@code 409 SPOOL_OCCUPIED}, {@code 503 ...}, ...). */
  Map<String, Long> answers() {
    return calls.stream()
        .collect(
            Collectors.groupingBy(
                c -> c.status() == 200 ? "200" : c.status() + " " + c.code(),
                TreeMap::new,
                Collectors.counting()));
  }

  /** The window in which clients got {@code status} answers: count, first and last send time. */
  String window(int status) {
    List<Call> matching = calls.stream().filter(c -> c.status() == status).toList();
    if (matching.isEmpty()) {
      return "none";
    }
    long first = matching.stream().mapToLong(Call::at).min().orElseThrow();
    long last = matching.stream().mapToLong(c -> c.at() + c.took()).max().orElseThrow();
    return "%d between t=%.1fs and t=%.1fs (%.1f s)"
        .formatted(matching.size(), first / 1000.0, last / 1000.0, (last - first) / 1000.0);
  }

  /** One line for the test output: traffic, answers, what settling found. */
  String summary(String scenario) {
    long keys = lastByKey().size();
    List<Call> late = unansweredButDecided();
    return ("%s: %d requests (%d commands), answers %s; settled later: %s; 503 %s; no answer %s;"
            + " unanswered but decided %d")
        .formatted(
            scenario,
            calls.size(),
            keys,
            answers(),
            settled.values().stream()
                .collect(
                    Collectors.groupingBy(
                        s -> s.status() + " " + s.code(), TreeMap::new, Collectors.counting())),
            window(503),
            window(NO_ANSWER),
            late.size());
  }

  private static String codeOf(ZeuesSystem.Response r) {
    if (r.status() == 200) {
      return "OK";
    }
    try {
      JsonNode body = Tablets.JSON.readTree(r.body());
      String code = body.path("code").asString("");
      return code.isEmpty() ? body.path("status").asString("") : code;
    } catch (RuntimeException notJson) {
      return "NO_JSON";
    }
  }

  private static long versionOf(ZeuesSystem.Response r) {
    if (r.status() != 200) {
      return 0;
    }
    return Tablets.JSON.readTree(r.body()).path("version").asLong();
  }
}
