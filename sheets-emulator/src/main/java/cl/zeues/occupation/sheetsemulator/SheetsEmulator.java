package cl.zeues.occupation.sheetsemulator;

import cl.zeues.occupation.sheetsemulator.faults.EmulatorStats;
import cl.zeues.occupation.sheetsemulator.faults.FaultInjector;
import cl.zeues.occupation.sheetsemulator.faults.FaultSettings;
import cl.zeues.occupation.sheetsemulator.grid.Cell;
import cl.zeues.occupation.sheetsemulator.grid.GridArea;
import cl.zeues.occupation.sheetsemulator.grid.ValueInputOption;
import cl.zeues.occupation.sheetsemulator.grid.ValueOperations;
import cl.zeues.occupation.sheetsemulator.grid.ValueRenderOption;
import cl.zeues.occupation.sheetsemulator.http.EmulatorHttpHandler;
import cl.zeues.occupation.sheetsemulator.store.SeedDocument;
import cl.zeues.occupation.sheetsemulator.store.Seeds;
import cl.zeues.occupation.sheetsemulator.store.SpreadsheetStore;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * A running Sheets emulator: start it, point {@code Sheets.Builder#setRootUrl} at {@link
 * #rootUrl()}, and steer quotas and faults from the test. One instance serves one start/stop cycle
 * at a time; it may be started again after {@link #stop()}.
 */
public final class SheetsEmulator implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SheetsEmulator.class.getName());

  private @Nullable HttpServer server;
  private @Nullable ExecutorService executor;
  private @Nullable SpreadsheetStore store;
  private @Nullable FaultInjector faults;
  private String host = "127.0.0.1";

  /**
   * Loads the data file and seeds, binds and starts serving.
   *
   * @return the bound port, useful when {@code config.port()} is 0
   * @throws IllegalStateException when already running or the data cannot be loaded
   */
  public synchronized int start(EmulatorConfig config) {
    if (server != null) {
      throw new IllegalStateException("already running on port " + port());
    }
    SpreadsheetStore loaded = SpreadsheetStore.open(config.dataFile());
    for (Path seed : config.seeds()) {
      SeedDocument document = Seeds.read(seed);
      if (loaded.putIfAbsent(document.toSpreadsheet())) {
        LOG.info(() -> "seeded " + document.spreadsheetId() + " from " + seed);
      }
    }
    FaultInjector injector = new FaultInjector(config.faults(), Clock.systemUTC());
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
      http.createContext("/", new EmulatorHttpHandler(loaded, injector));
      http.setExecutor(threads);
      http.start();
      this.server = http;
    } catch (IOException e) {
      threads.shutdownNow();
      throw new UncheckedIOException("cannot bind " + config.host() + ":" + config.port(), e);
    }
    this.executor = threads;
    this.store = loaded;
    this.faults = injector;
    this.host = config.host();
    return port();
  }

  /** Stops serving. Every acknowledged write is already in the data file. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
    store = null;
    faults = null;
  }

  @Override
  public void close() {
    stop();
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  public synchronized int port() {
    return running().getAddress().getPort();
  }

  /** What to pass to {@code Sheets.Builder#setRootUrl}, e.g. {@code http://127.0.0.1:41234/}. */
  public String rootUrl() {
    String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return "http://" + shown + ":" + port() + "/";
  }

  public FaultSettings faults() {
    return injector().settings();
  }

  public void faults(FaultSettings settings) {
    injector().settings(settings);
  }

  public void updateFaults(UnaryOperator<FaultSettings> change) {
    FaultInjector injector = injector();
    synchronized (injector) {
      injector.settings(change.apply(injector.settings()));
    }
  }

  /** Answers every write with 429 RESOURCE_EXHAUSTED for {@code length}. */
  public void startRateLimitStorm(Duration length) {
    injector().startRateLimitStorm(length);
  }

  public void stopRateLimitStorm() {
    injector().stopRateLimitStorm();
  }

  public EmulatorStats stats() {
    return injector().stats();
  }

  /** Zeroes the counters and forgets used quota. */
  public void resetStats() {
    injector().reset();
  }

  /** Creates or replaces a spreadsheet. */
  public void putSpreadsheet(SeedDocument document) {
    data().put(document.toSpreadsheet());
  }

  /**
   * Creates or replaces a spreadsheet from sheet titles to rows, in map order, written RAW: strings
   * are text, numbers and booleans keep their type.
   */
  public void putSpreadsheet(
      String spreadsheetId, Map<String, ? extends List<? extends List<?>>> sheets) {
    Map<String, List<List<@Nullable Object>>> copied = new LinkedHashMap<>();
    sheets.forEach(
        (title, rows) -> {
          List<List<@Nullable Object>> copiedRows = new ArrayList<>();
          rows.forEach(row -> copiedRows.add(new ArrayList<>(row)));
          copied.put(title, copiedRows);
        });
    putSpreadsheet(new SeedDocument(spreadsheetId, null, ValueInputOption.RAW, copied));
  }

  /** Creates or replaces a spreadsheet from a JSON seed file or a folder of CSV files. */
  public void seed(Path path) {
    putSpreadsheet(Seeds.read(path));
  }

  public boolean deleteSpreadsheet(String spreadsheetId) {
    return data().delete(spreadsheetId);
  }

  /**
   * A whole spreadsheet as {@code {spreadsheetId, title, sheets: {title: rows}}}, or empty if
   * unknown.
   */
  public Optional<Map<String, Object>> spreadsheet(String spreadsheetId, ValueRenderOption render) {
    return data().find(spreadsheetId).map(s -> SeedDocument.describe(s, render));
  }

  /**
   * The stored cell at the top-left of {@code range}, e.g. {@code 'Hoja Uno'!B2}; empty when the
   * cell is. This tells text from formula, which rendered values cannot always do.
   */
  public Optional<Cell> cell(String spreadsheetId, String range) {
    GridArea area = ValueOperations.readArea(data().require(spreadsheetId), range);
    return Optional.ofNullable(area.sheet().get(area.firstRow(), area.firstColumn()));
  }

  private synchronized HttpServer running() {
    if (server == null) {
      throw new IllegalStateException("the emulator is not running");
    }
    return server;
  }

  private synchronized FaultInjector injector() {
    if (faults == null) {
      throw new IllegalStateException("the emulator is not running");
    }
    return faults;
  }

  private synchronized SpreadsheetStore data() {
    if (store == null) {
      throw new IllegalStateException("the emulator is not running");
    }
    return store;
  }
}
