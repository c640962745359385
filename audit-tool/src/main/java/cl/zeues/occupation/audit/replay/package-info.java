/**
 * The log folded into every spool's state, as the sheets projector folds it, and what the shop
 * looks like then: spools, who occupies what, by operation and by worker.
 */
@NullMarked
package cl.zeues.occupation.audit.replay;

import org.jspecify.annotations.NullMarked;
