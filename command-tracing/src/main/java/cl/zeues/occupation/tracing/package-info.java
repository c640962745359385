/**
 * One trace and one log context per command across the services: the W3C trace context carried in
 * Kafka record headers taken up where a plain consumer (not a spring-kafka container) handles a
 * record, the {@code command_id}, {@code tag_spool} and {@code trace_id} logging keys of a
 * command's path, and the finished-span log the local stack can switch on.
 */
@NullMarked
package cl.zeues.occupation.tracing;

import org.jspecify.annotations.NullMarked;
