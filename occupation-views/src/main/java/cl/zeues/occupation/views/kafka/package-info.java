/** What feeds the view: {@code occupation.events} read_committed, and the two catalog topics. */
@NullMarked
package cl.zeues.occupation.views.kafka;

import org.jspecify.annotations.NullMarked;
