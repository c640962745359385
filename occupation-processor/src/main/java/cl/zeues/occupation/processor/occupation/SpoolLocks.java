package cl.zeues.occupation.processor.occupation;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * One lock per spool whose value is the token of the acquisition holding it. Only the holder of a
 * token can release or extend it, so a stale holder can never free someone else's lock.
 */
public interface SpoolLocks {

  /** Takes the lock for {@code token} if free (or already held by {@code token}). */
  boolean acquire(String tag, UUID token, Duration ttl);

  /** Frees the lock if it is held by {@code token}; returns whether it did. */
  boolean release(String tag, UUID token);

  /** Pushes the lock's expiry to {@code ttl} from now if held by {@code token}. */
  boolean extend(String tag, UUID token, Duration ttl);

  /** The token holding the lock, if any. */
  Optional<UUID> holder(String tag);
}
