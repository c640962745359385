package cl.zeues.occupation.sheetsemulator.faults;

import cl.zeues.occupation.sheetsemulator.grid.GoogleApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Decides, per Sheets API request, whether it is served or answered with a simulated 429 or 503.
 * Quotas are sliding 60-second windows per user; a rate-limit storm answers 429 to every write
 * until it ends. Thread-safe.
 */
public final class FaultInjector {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final Clock clock;
  private FaultSettings settings;
  private Random random;
  private Instant stormUntil = Instant.MIN;
  private final Map<String, Deque<Instant>> writeWindows = new HashMap<>();
  private final Map<String, Deque<Instant>> readWindows = new HashMap<>();
  private long reads;
  private long writes;
  private long rateLimited;
  private long serverErrors;

  public FaultInjector(FaultSettings settings, Clock clock) {
    this.clock = clock;
    this.settings = settings;
    this.random = new Random(settings.randomSeed());
  }

  public synchronized FaultSettings settings() {
    return settings;
  }

  /** Replaces the settings; the error draw restarts from the seed so runs are reproducible. */
  public synchronized void settings(FaultSettings next) {
    settings = next;
    random = new Random(next.randomSeed());
  }

  public synchronized void startRateLimitStorm(Duration length) {
    stormUntil = clock.instant().plus(length);
  }

  public synchronized void stopRateLimitStorm() {
    stormUntil = Instant.MIN;
  }

  public synchronized Duration rateLimitStormRemaining() {
    Duration left = Duration.between(clock.instant(), stormUntil);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Forgets quota windows and counters, e.g. between test cases sharing one emulator. */
  public synchronized void reset() {
    writeWindows.clear();
    readWindows.clear();
    reads = 0;
    writes = 0;
    rateLimited = 0;
    serverErrors = 0;
  }

  public synchronized EmulatorStats stats() {
    return new EmulatorStats(reads, writes, rateLimited, serverErrors);
  }

  /**
   * Admits one request or throws the simulated failure. Quota is taken before the 503 draw, as a
   * real backend failure still costs the caller a request.
   *
   * @param user the quota user: Google counts per user per project
   */
  public synchronized void admit(boolean write, String user) {
    Instant now = clock.instant();
    if (write && now.isBefore(stormUntil)) {
      rateLimited++;
      throw quotaExceeded(true, Duration.between(now, stormUntil));
    }
    int limit = write ? settings.writesPerMinute() : settings.readsPerMinute();
    if (limit > 0) {
      Deque<Instant> window =
          (write ? writeWindows : readWindows).computeIfAbsent(user, u -> new ArrayDeque<>());
      while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(WINDOW))) {
        window.pollFirst();
      }
      if (window.size() >= limit) {
        rateLimited++;
        throw quotaExceeded(write, Duration.between(now, window.peekFirst().plus(WINDOW)));
      }
      window.addLast(now);
    }
    if (settings.serverErrorRate() > 0 && random.nextDouble() < settings.serverErrorRate()) {
      serverErrors++;
      throw new GoogleApiException(
          503, "UNAVAILABLE", "backendError", "The service is currently unavailable.");
    }
    if (write) {
      writes++;
    } else {
      reads++;
    }
  }

  public synchronized Duration latency() {
    return settings.latency();
  }

  private static GoogleApiException quotaExceeded(boolean write, Duration retryAfter) {
    String metric = write ? "Write requests" : "Read requests";
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new GoogleApiException(
        429,
        "RESOURCE_EXHAUSTED",
        "rateLimitExceeded",
        "Quota exceeded for quota metric '"
            + metric
            + "' and limit '"
            + metric
            + " per minute per user' of service 'sheets.googleapis.com' for consumer"
            + " 'project_number:0'.",
        seconds);
  }
}
