/** The exec jar's entry point, which hands the command line to the bench its first word names. */
@NullMarked
package cl.zeues.occupation.benchmarks;

import org.jspecify.annotations.NullMarked;
