/**
 * The read side measured: the command-api (which hosts the read model) rebuilt from a generated log
 * on an in-process broker, then the tablets' read routes over HTTP at a fixed rate, open loop.
 */
@NullMarked
package cl.zeues.occupation.benchmarks.reads;

import org.jspecify.annotations.NullMarked;
