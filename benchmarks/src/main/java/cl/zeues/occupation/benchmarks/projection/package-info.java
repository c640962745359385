/**
 * The sheets projector measured in one process: an embedded KRaft broker, the sheets emulator and
 * the real projector application, fed valid occupation events at fixed rates; prints requests per
 * event, projection lag and what a 429 storm does.
 */
@NullMarked
package cl.zeues.occupation.benchmarks.projection;

import org.jspecify.annotations.NullMarked;
