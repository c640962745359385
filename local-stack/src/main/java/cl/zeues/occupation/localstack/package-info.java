/** The whole system on one machine, in one JVM, for people trying it and for demos. */
@NullMarked
package cl.zeues.occupation.localstack;

import org.jspecify.annotations.NullMarked;
