/**
 * The sheets against the log: the {@code Operaciones} occupation cells against the replayed state
 * and the {@code Metadata} rows against the events, cell by cell and row by row, with the
 * projector's own rendering as the expectation; repairs that are themselves recorded ({@code
 * REMEDIAR} rows); and a full projection into a fresh spreadsheet.
 */
@NullMarked
package cl.zeues.occupation.audit.sheets;

import org.jspecify.annotations.NullMarked;
