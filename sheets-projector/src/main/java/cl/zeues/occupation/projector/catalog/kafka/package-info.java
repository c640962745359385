/** The catalog topics: what they already hold, and publishing changes and tombstones to them. */
@NullMarked
package cl.zeues.occupation.projector.catalog.kafka;

import org.jspecify.annotations.NullMarked;
