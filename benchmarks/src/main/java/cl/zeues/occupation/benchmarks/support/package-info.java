/**
 * What every bench shares: the in-process broker, the machine description, open-loop pacing, valid
 * event generation by the real decider, percentiles, medians, text tables and JSON output.
 */
@NullMarked
package cl.zeues.occupation.benchmarks.support;

import org.jspecify.annotations.NullMarked;
