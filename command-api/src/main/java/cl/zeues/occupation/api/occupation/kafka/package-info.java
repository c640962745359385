/** Kafka adapter: publishes commands keyed by tag and correlates the processor's replies. */
@NullMarked
package cl.zeues.occupation.api.occupation.kafka;

import org.jspecify.annotations.NullMarked;
