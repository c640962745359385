/**
 * One spool through time: its occupation sessions (who, which operation, from when to when, how it
 * ended) and human durations.
 */
@NullMarked
package cl.zeues.occupation.audit.history;

import org.jspecify.annotations.NullMarked;
