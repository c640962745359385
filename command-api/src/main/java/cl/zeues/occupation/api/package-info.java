/** The command API: the HTTP front door that turns tablet requests into occupation commands. */
@NullMarked
package cl.zeues.occupation.api;

import org.jspecify.annotations.NullMarked;
