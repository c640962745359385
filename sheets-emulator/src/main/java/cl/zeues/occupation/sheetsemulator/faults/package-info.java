/** Simulated quota limits, rate-limit storms, latency and server errors. */
@NullMarked
package cl.zeues.occupation.sheetsemulator.faults;

import org.jspecify.annotations.NullMarked;
