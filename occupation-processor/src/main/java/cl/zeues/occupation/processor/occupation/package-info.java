/**
 * Deciding one command: load the spool, call the pure decider, fence the write by version, and hand
 * back what to publish. Adapters for Redis, Kafka and the lease sweeper sit in subpackages.
 */
@NullMarked
package cl.zeues.occupation.processor.occupation;

import org.jspecify.annotations.NullMarked;
