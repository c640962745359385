package cl.zeues.occupation.views.model;

import cl.zeues.occupation.events.OccupationEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every spool's {@link SpoolView}, folded from the log by one writer (the event feed) and read by
 * any number of request threads. Each view is immutable and replaced whole, so a reader always sees
 * a spool as of one event.
 *
 * <p>Read-your-writes: the command API calls {@link #answered} with the version each 200 carried; a
 * read of that spool then waits (boundedly) until the view has folded that version, see {@link
 * #awaitAnswered}. {@link #awaitVersion} is the same wait for a version the caller names.
 */
public final class OccupationViews {

  private static final Logger log = LoggerFactory.getLogger(OccupationViews.class);

  /** Why an event did not change the view. */
  public enum Skip {
    /** Its version is one the spool already has: a redelivery, nothing new. */
    DUPLICATE,
    /** Its version leaves a gap after the spool's: the log broke an invariant. */
    GAP,
    /** The domain's {@code evolve} refused it. */
    REFUSED
  }

  /** What {@link #apply} did with one event. */
  public sealed interface Applied {
    /** The spool is now {@code view}. */
    record Changed(OccupationEvent event, SpoolView view) implements Applied {}

    /** The view did not change. */
    record Skipped(OccupationEvent event, Skip reason) implements Applied {}
  }

  private final Map<String, SpoolView> spools = new ConcurrentHashMap<>();
  private final Map<String, SpoolView> occupied = new ConcurrentHashMap<>();
  private final Map<String, Long> answered = new ConcurrentHashMap<>();
  private final Set<String> broken = ConcurrentHashMap.newKeySet();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition advanced = lock.newCondition();
  private final LongAdder applied = new LongAdder();
  private final Map<Skip, LongAdder> skipped = new EnumMap<>(Skip.class);
  private volatile boolean loaded;

  public OccupationViews() {
    for (Skip reason : Skip.values()) {
      skipped.put(reason, new LongAdder());
    }
  }

  /**
   * Folds {@code event} into its spool's view. Only the event feed calls this, from one thread, in
   * log order; readers waiting for a version are woken by {@link #signalAdvanced}.
   */
  public Applied apply(OccupationEvent event) {
    String tag = event.tagSpool();
    SpoolView current = spools.get(tag);
    if (current == null) {
      current = SpoolView.untouched(tag);
    }
    if (event.version() <= current.version()) {
      return skip(event, Skip.DUPLICATE);
    }
    if (event.version() != current.version() + 1) {
      if (broken.add(tag)) {
        log.error(
            "{}: event {} has version {} after {}; the spool's view stops here until the log is"
                + " repaired",
            tag,
            event.eventId(),
            event.version(),
            current.version());
      }
      return skip(event, Skip.GAP);
    }
    SpoolView next;
    try {
      next = current.next(event);
    } catch (IllegalStateException | IllegalArgumentException e) {
      log.error("{}: the domain refused event {}: {}", tag, event.eventId(), e.getMessage());
      return skip(event, Skip.REFUSED);
    }
    // the index first: a reader that sees the new version in `spools` then sees it here too
    if (next.state().isOccupied()) {
      occupied.put(tag, next);
    } else {
      occupied.remove(tag);
    }
    spools.put(tag, next);
    Long wanted = answered.get(tag);
    if (wanted != null && wanted <= next.version()) {
      answered.remove(tag, wanted);
    }
    applied.increment();
    return new Applied.Changed(event, next);
  }

  private Applied skip(OccupationEvent event, Skip reason) {
    skipped.get(reason).increment();
    return new Applied.Skipped(event, reason);
  }

  /** Wakes readers waiting for a version; the feed calls it after each batch it applied. */
  public void signalAdvanced() {
    lock.lock();
    try {
      advanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The feed has folded everything the log held when it started: reads may be answered. */
  public void markLoaded() {
    loaded = true;
  }

  public boolean isLoaded() {
    return loaded;
  }

  public Optional<SpoolView> spool(String tagSpool) {
    return Optional.ofNullable(spools.get(tagSpool));
  }

  /** Every spool some event has touched (weakly consistent across spools, exact per spool). */
  public Collection<SpoolView> all() {
    return spools.values();
  }

  /** The spools someone holds now: what the dashboard and a worker's list scan, not every spool. */
  public Collection<SpoolView> occupied() {
    return occupied.values();
  }

  public int size() {
    return spools.size();
  }

  /** The version the view holds for {@code tagSpool}; 0 when no event has touched it. */
  public long versionOf(String tagSpool) {
    SpoolView view = spools.get(tagSpool);
    return view == null ? 0 : view.version();
  }

  /**
   * Records that the API answered a command on {@code tagSpool} with a 200 carrying {@code
   * version}: reads of that spool wait for it (see {@link #awaitAnswered}). Cheap; call it on every
   * accepted reply.
   */
  public void answered(String tagSpool, long version) {
    if (versionOf(tagSpool) >= version) {
      return;
    }
    answered.merge(tagSpool, version, Math::max);
    if (versionOf(tagSpool) >= version) {
      answered.remove(tagSpool, version);
    }
  }

  /**
   * Waits until the view holds {@code version} of {@code tagSpool} or {@code bound} has passed.
   *
   * @return true when the view holds it; false when the bound passed first (the caller answers with
   *     what the view has and says so)
   */
  public boolean awaitVersion(String tagSpool, long version, Duration bound) {
    if (versionOf(tagSpool) >= version) {
      return true;
    }
    long deadline = System.nanoTime() + bound.toNanos();
    lock.lock();
    try {
      while (versionOf(tagSpool) < version) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        advanced.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return versionOf(tagSpool) >= version;
    } finally {
      lock.unlock();
    }
  }

  /** Waits (up to {@code bound}) for the last version the API answered for {@code tagSpool}. */
  public boolean awaitAnswered(String tagSpool, Duration bound) {
    Long wanted = answered.get(tagSpool);
    return wanted == null || awaitVersion(tagSpool, wanted, bound);
  }

  /** {@link #awaitAnswered(String, Duration)} for each of {@code tags}, {@code bound} in all. */
  public boolean awaitAnswered(Collection<String> tags, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    boolean all = true;
    for (String tag : tags) {
      Long wanted = answered.get(tag);
      if (wanted != null) {
        all &=
            awaitVersion(tag, wanted, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
    }
    return all;
  }

  /**
   * Waits (up to {@code bound} in all) for every version the API has answered and the view does not
   * hold yet: what a list read needs to include the caller's own writes.
   */
  public boolean awaitAllAnswered(Duration bound) {
    return answered.isEmpty() || awaitAnswered(Set.copyOf(answered.keySet()), bound);
  }

  public long appliedCount() {
    return applied.sum();
  }

  public long skippedCount(Skip reason) {
    return skipped.get(reason).sum();
  }
}
