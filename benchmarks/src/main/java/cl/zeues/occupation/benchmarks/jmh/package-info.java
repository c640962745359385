/**
 * JMH micro-benchmarks of the pure parts of a decision: {@code OccupationDecider.decide}, {@code
 * SpoolState.evolve} and the {@code JsonCodec}, and the launcher that runs them from the exec jar.
 */
@NullMarked
package cl.zeues.occupation.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
