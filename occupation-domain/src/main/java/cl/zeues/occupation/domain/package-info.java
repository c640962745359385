/**
 * The occupation rules as pure functions: {@link OccupationDecider#decide} turns a command into
 * events or a rejection, {@link SpoolState#evolve} folds an event into the state.
 */
@NullMarked
package cl.zeues.occupation.domain;

import org.jspecify.annotations.NullMarked;
