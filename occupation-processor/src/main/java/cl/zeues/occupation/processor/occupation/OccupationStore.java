package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.SpoolState;
import java.util.UUID;

/** Where spool states and decided commands live between commands (Redis in production). */
public interface OccupationStore {

  /** Reads the spool's state and, if {@code commandId} was decided before, its recorded outcome. */
  StoredSpool load(String tag, UUID commandId);

  /**
   * Writes {@code next} and the command's record only if the stored version is still {@code
   * expectedVersion} (the fencing token) and, when {@code next} is occupied, the spool's lock holds
   * that occupation's token.
   */
  WriteResult write(String tag, long expectedVersion, SpoolState next, RecordedCommand record);

  /** Records a rejected command's reply; changes no state. */
  void recordRejection(String tag, RecordedCommand record);

  /** The outcome of a fenced write. */
  enum WriteResult {
    WRITTEN,
    /** Someone else wrote the spool since it was loaded. */
    VERSION_CONFLICT,
    /** The lock no longer holds the token the write was made under. */
    LOCK_LOST
  }
}
