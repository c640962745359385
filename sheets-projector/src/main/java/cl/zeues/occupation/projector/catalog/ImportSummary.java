package cl.zeues.occupation.projector.catalog;

import java.time.Instant;
import java.util.List;

/**
 * What one import run did; also the body of {@code POST /api/catalog/import}.
 *
 * @param problems why the run was partial or failed, one line each (row-level warnings are only
 *     logged)
 */
public record ImportSummary(
    Outcome outcome,
    Instant startedAt,
    Instant finishedAt,
    Kind spools,
    Kind workers,
    List<String> problems) {

  public ImportSummary {
    problems = List.copyOf(problems);
  }

  public enum Outcome {
    /** Both catalogs read and published. */
    SUCCESS,
    /** A catalog was skipped (a required column is missing) or the wipe guard kept removals. */
    PARTIAL,
    /** Nothing could be done: the sheets or Kafka failed. Changes may be half-published. */
    FAILED
  }

  /**
   * One catalog's part of the run.
   *
   * @param imported whether its sheet could be read (false when a required column is missing or the
   *     run failed)
   * @param inSheet entries found in the sheet
   * @param upserts entries published because new or different
   * @param tombstones entries removed
   * @param tombstonesRefused removals the wipe guard kept
   */
  public record Kind(
      boolean imported, int inSheet, int upserts, int tombstones, int tombstonesRefused) {

    static final Kind NOT_IMPORTED = new Kind(false, 0, 0, 0, 0);
  }
}
