/**
 * The spreadsheet as a projection of {@code occupation.events}: each spool's {@code Operaciones}
 * occupation columns and one {@code Metadata} audit row per event.
 *
 * <p>Design. The consumer rewinds to offset 0 on every assignment and folds the whole log into
 * per-spool state in memory (the log is the source of truth, and folding is fast); events at or
 * after the group's committed offset are also projected. Events are gathered into micro-batches
 * ({@code max-events} / {@code max-wait}); a batch keeps every event's audit row but only each
 * spool's latest state, so one flush costs one read ({@code values.batchGet}) and at most one
 * {@code values.batchUpdate} plus one {@code values.append}, all {@code RAW}, each written cell
 * addressed by its own A1 range (other columns are never touched). Offsets are committed after the
 * flush landed.
 *
 * <p>Exactly once without sheet transactions: a row is overwritten only by a newer event version
 * than its {@code version} cell, and a {@code Metadata} row is appended only for ids not yet in the
 * {@code ID} column (read whole at start and after any failure or rebalance, then only the rows
 * added since). So a flush repeated after a crash, a restart or by a second instance in the same
 * group writes nothing twice. Writes stay under {@code zeues.sheets.writes-per-minute}; 429 and 5xx
 * are retried with jittered exponential backoff honouring {@code Retry-After}; nothing is dropped.
 *
 * <p>Tamper evidence: every appended {@code Metadata} row carries a {@code Hash} chaining it to the
 * row above ({@link cl.zeues.occupation.sheets.MetadataChain}). Each flush reads the {@code Hash}
 * of the sheet's actual last row in the same read as the ids, so a restart, a crash between append
 * and commit, or rows appended by {@code repair-sheets} continue the chain; rows already there are
 * never rewritten. A sheet whose {@code Metadata} header lacks {@code Hash} is not written to.
 *
 * <p>The header rows are read and compared at every flush: a required column missing or moved stops
 * the projection (readiness {@code sheetsProjection} DOWN, one log line naming the columns) until
 * the header is restored or the new layout has settled. User-derived text is neutralised against
 * formula injection ({@link cl.zeues.occupation.sheets.FormulaNeutralizer}); the cells, rows and
 * request layer come from {@code sheets-rendering}, shared with the audit tool.
 */
@NullMarked
package cl.zeues.occupation.projector.projection;

import org.jspecify.annotations.NullMarked;
