/**
 * Test fixtures shared by the unit tests, the ITs and the bench: a shop's log, made by the domain.
 */
@NullMarked
package cl.zeues.occupation.views.testing;

import org.jspecify.annotations.NullMarked;
