package cl.zeues.occupation.projector.catalog;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the import on its own thread, {@code interval} after the end of the previous run, so a slow
 * Sheets answer never stacks runs up and never holds the projection's scheduler.
 */
public final class CatalogImportSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CatalogImportSchedule.class);

  private final Runnable importRun;
  private final Duration initialDelay;
  private final Duration interval;
  private final boolean autoStartup;
  private @Nullable ScheduledExecutorService executor;

  /**
   * @param autoStartup false to schedule nothing with the application (imports on demand only)
   */
  public CatalogImportSchedule(
      Runnable importRun, Duration initialDelay, Duration interval, boolean autoStartup) {
    this.importRun = importRun;
    this.initialDelay = initialDelay;
    this.interval = interval;
    this.autoStartup = autoStartup;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("catalog-import").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::runSafely, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    executor = scheduler;
    log.info("catalog import scheduled every {} (first in {})", interval, initialDelay);
  }

  private void runSafely() {
    try {
      importRun.run();
    } catch (RuntimeException e) {
      // An exception would cancel every later run.
      log.error("catalog import run failed", e);
    }
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService scheduler = executor;
    if (scheduler == null) {
      return;
    }
    executor = null;
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
