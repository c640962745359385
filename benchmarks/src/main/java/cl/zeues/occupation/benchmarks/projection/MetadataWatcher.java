package cl.zeues.occupation.benchmarks.projection;

import cl.zeues.occupation.sheetsemulator.SheetsEmulator;
import cl.zeues.occupation.sheetsemulator.grid.Cell;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the emulator's {@code Metadata} sheet in-process (no HTTP, so neither the emulator's
 * counters nor its quotas see it) and times each event from its publish to the first look that
 * finds its row. The sheet only grows at the bottom (appends), so every look reads just the rows
 * added since the last one; a look every {@code interval} bounds the resolution of the lag at about
 * {@code interval}.
 */
final class MetadataWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MetadataWatcher.class);

  private record Sent(RunTally run, long at) {}

  private final SheetsEmulator emulator;
  private final String spreadsheetId;
  private final String sheet;
  private final Map<String, Sent> published = new ConcurrentHashMap<>();
  private final ScheduledExecutorService looker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().name("metadata-watcher").daemon().unstarted(runnable));
  private final AtomicLong unknown = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();

  // Looker-thread state.
  private final Set<String> seen = new HashSet<>();
  private int nextRow = 2;

  MetadataWatcher(SheetsEmulator emulator, String spreadsheetId, String sheet, Duration interval) {
    this.emulator = emulator;
    this.spreadsheetId = spreadsheetId;
    this.sheet = sheet;
    looker.scheduleWithFixedDelay(
        this::lookSafely, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Records that the event {@code eventId} of {@code run} is being published now. */
  void publishing(String eventId, RunTally run) {
    run.offered();
    published.put(eventId, new Sent(run, System.nanoTime()));
  }

  /** Rows whose id no run published (0 unless something else writes the sheet). */
  long unknownRows() {
    return unknown.get();
  }

  /** {@code Metadata} rows seen so far, the header excluded. */
  long rows() {
    return rows.get();
  }

  /** Takes one more look now and waits for it. */
  void lookNow() {
    try {
      looker.submit(this::look).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("could not read the Metadata sheet", e);
    }
  }

  private void lookSafely() {
    try {
      look();
    } catch (RuntimeException e) {
      log.warn("reading the Metadata sheet failed: {}", e.toString());
    }
  }

  private void look() {
    while (true) {
      Optional<Cell> cell;
      try {
        cell = emulator.cell(spreadsheetId, sheet + "!A" + nextRow);
      } catch (RuntimeException pastTheGrid) {
        return;
      }
      if (cell.isEmpty()) {
        return;
      }
      long now = System.nanoTime();
      String id = text(cell.get());
      Sent sent = published.get(id);
      if (sent == null) {
        unknown.incrementAndGet();
      } else if (!seen.add(id)) {
        sent.run().duplicate();
      } else {
        sent.run().landed(now - sent.at(), now);
      }
      rows.incrementAndGet();
      nextRow++;
    }
  }

  private static String text(Cell cell) {
    return switch (cell) {
      case Cell.Text text -> text.value();
      case Cell.Numeric number -> number.value().toPlainString();
      case Cell.Bool bool -> String.valueOf(bool.value());
      case Cell.Formula formula -> formula.text();
    };
  }

  @Override
  public void close() {
    looker.shutdownNow();
  }
}
