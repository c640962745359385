package cl.zeues.occupation.benchmarks.support;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a bench system started, stopped last-started-first; a part that fails to stop is logged and
 * the others are still stopped.
 */
public final class StartedParts implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StartedParts.class);

  private final List<AutoCloseable> parts = new ArrayList<>();

  public void add(AutoCloseable part) {
    parts.add(part);
  }

  @Override
  public void close() {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        log.warn("while stopping: {}", e.toString());
      }
    }
    parts.clear();
  }
}
