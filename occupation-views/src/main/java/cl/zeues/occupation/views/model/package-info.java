/**
 * The view itself, in plain Java: one {@link cl.zeues.occupation.views.model.SpoolView} per spool
 * folded with the domain's {@code evolve}, the queries the tablets make, and the read-your-writes
 * gate. No Spring, Kafka or servlet types.
 */
@NullMarked
package cl.zeues.occupation.views.model;

import org.jspecify.annotations.NullMarked;
