/**
 * Reading the log: every committed record of the events topic from offset 0 up to the end offsets
 * seen at start, decoded into events or explained as malformed, with progress on stderr.
 */
@NullMarked
package cl.zeues.occupation.audit.log;

import org.jspecify.annotations.NullMarked;
