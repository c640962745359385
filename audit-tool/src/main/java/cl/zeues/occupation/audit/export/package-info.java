/**
 * The audit trail for auditors: the log's events in a time window, as CSV (the Metadata columns,
 * every cell formula-safe) or JSON lines (the events as the log holds them).
 */
@NullMarked
package cl.zeues.occupation.audit.export;

import org.jspecify.annotations.NullMarked;
