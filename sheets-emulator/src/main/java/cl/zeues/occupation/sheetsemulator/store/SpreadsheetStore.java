package cl.zeues.occupation.sheetsemulator.store;

import cl.zeues.occupation.sheetsemulator.grid.GoogleApiException;
import cl.zeues.occupation.sheetsemulator.grid.Spreadsheet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * All spreadsheets. Readers see published snapshots without locking; writers are serialized, work
 * on a copy and publish it only after the whole request succeeded and the data file (if any) was
 * written, so a failed batch changes nothing and an acknowledged write survives a restart.
 */
public final class SpreadsheetStore {

  private static final Logger LOG = Logger.getLogger(SpreadsheetStore.class.getName());

  private final Map<String, Spreadsheet> spreadsheets = new ConcurrentHashMap<>();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final @Nullable Path file;

  private SpreadsheetStore(@Nullable Path file) {
    this.file = file;
  }

  /** A store backed by {@code file} (loaded if it exists), or in memory only when {@code null}. */
  public static SpreadsheetStore open(@Nullable Path file) {
    SpreadsheetStore store = new SpreadsheetStore(file);
    if (file != null && Files.exists(file)) {
      try {
        for (Spreadsheet spreadsheet : StoreFile.load(file)) {
          store.spreadsheets.put(spreadsheet.spreadsheetId(), spreadsheet);
        }
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot load data file " + file + ": " + e.getMessage(), e);
      }
    }
    return store;
  }

  public Optional<Spreadsheet> find(String spreadsheetId) {
    return Optional.ofNullable(spreadsheets.get(spreadsheetId));
  }

  /** The published snapshot; callers must not mutate it. */
  public Spreadsheet require(String spreadsheetId) {
    return find(spreadsheetId).orElseThrow(GoogleApiException::notFound);
  }

  public List<Spreadsheet> all() {
    return spreadsheets.values().stream()
        .sorted(Comparator.comparing(Spreadsheet::spreadsheetId))
        .toList();
  }

  /** Applies {@code change} to a private copy and publishes it if no exception escaped. */
  public <T> T update(String spreadsheetId, Function<Spreadsheet, T> change) {
    writeLock.lock();
    try {
      Spreadsheet working = require(spreadsheetId).copy();
      T result = change.apply(working);
      publish(working);
      return result;
    } finally {
      writeLock.unlock();
    }
  }

  /** Creates or replaces a spreadsheet. */
  public void put(Spreadsheet spreadsheet) {
    writeLock.lock();
    try {
      publish(spreadsheet);
    } finally {
      writeLock.unlock();
    }
  }

  /** Stores {@code spreadsheet} unless one with its id exists; true if stored. */
  public boolean putIfAbsent(Spreadsheet spreadsheet) {
    writeLock.lock();
    try {
      if (spreadsheets.containsKey(spreadsheet.spreadsheetId())) {
        return false;
      }
      publish(spreadsheet);
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  public boolean delete(String spreadsheetId) {
    writeLock.lock();
    try {
      if (!spreadsheets.containsKey(spreadsheetId)) {
        return false;
      }
      Map<String, Spreadsheet> next = new TreeMap<>(spreadsheets);
      next.remove(spreadsheetId);
      persist(next);
      spreadsheets.remove(spreadsheetId);
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  private void publish(Spreadsheet spreadsheet) {
    Map<String, Spreadsheet> next = new TreeMap<>(spreadsheets);
    next.put(spreadsheet.spreadsheetId(), spreadsheet);
    persist(next);
    spreadsheets.put(spreadsheet.spreadsheetId(), spreadsheet);
  }

  private void persist(Map<String, Spreadsheet> next) {
    if (file == null) {
      return;
    }
    try {
      StoreFile.save(file, next.values());
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.SEVERE, "cannot write data file " + file, e);
      throw new GoogleApiException(500, "INTERNAL", "backendError", "Internal error encountered.");
    }
  }
}
