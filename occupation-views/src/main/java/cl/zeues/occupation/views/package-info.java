/**
 * The read side of the shop: what tablets and boards ask, answered from an in-memory view folded
 * from {@code occupation.events}. {@link cl.zeues.occupation.views.OccupationViewsConfiguration}
 * wires it into a Spring MVC application.
 */
@NullMarked
package cl.zeues.occupation.views;

import org.jspecify.annotations.NullMarked;
