package cl.zeues.occupation.audit.log;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on stderr for long reads: records read of the total, rate and ETA,
 * redrawn in place at most four times a second. Silent when disabled (no terminal, or {@code
 * --no-progress}), so scripts and tests see nothing of it.
 */
public final class Progress {

  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final String unit;
  private final long started = System.nanoTime();
  private long lastDraw = started;
  private boolean drawn;

  public Progress(PrintWriter err, boolean enabled, String unit) {
    this.err = err;
    this.enabled = enabled;
    this.unit = unit;
  }

  public static Progress disabled() {
    return new Progress(new PrintWriter(System.err), false, "");
  }

  /** Redraws if due: {@code done} of {@code total} (0 = unknown). */
  public void update(long done, long total) {
    update(done, done, total);
  }

  /**
   * Redraws if due: {@code count} items so far, {@code position} of {@code total} units of work
   * (for the log: offsets, which also number transaction markers, so events alone would never reach
   * the total).
   */
  public void update(long count, long position, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    draw(count, position, total, now);
  }

  /** Draws the final figures and ends the line. */
  public void finish(long done, long total) {
    finish(done, total, total);
  }

  public void finish(long count, long position, long total) {
    if (!enabled) {
      return;
    }
    draw(count, position, total, System.nanoTime());
    err.println();
    err.flush();
  }

  private void draw(long count, long position, long total, long now) {
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    double rate = count / seconds;
    StringBuilder line = new StringBuilder("\r");
    if (total > 0) {
      int width = 24;
      int filled = (int) Math.min(width, width * position / Math.max(1, total));
      line.append('[')
          .append("#".repeat(filled))
          .append(".".repeat(width - filled))
          .append("] ")
          .append(String.format(Locale.ROOT, "%3d%% ", Math.min(100, 100 * position / total)));
    }
    line.append(String.format(Locale.ROOT, "%,d %s  %,.0f/s", count, unit, rate));
    double positionRate = position / seconds;
    if (total > 0 && positionRate > 0 && position < total) {
      long eta = (long) Math.ceil((total - position) / positionRate);
      line.append("  ETA ").append(eta >= 60 ? eta / 60 + "m " + eta % 60 + "s" : eta + "s");
    }
    line.append("    ");
    err.print(line);
    err.flush();
    drawn = true;
  }

  boolean drawn() {
    return drawn;
  }
}
