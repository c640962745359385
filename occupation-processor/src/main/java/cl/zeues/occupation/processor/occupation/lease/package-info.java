/**
 * The lease sweeper: turns lapsed leases into expiry commands on the spool's own command stream.
 */
@NullMarked
package cl.zeues.occupation.processor.occupation.lease;

import org.jspecify.annotations.NullMarked;
