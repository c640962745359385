/** Black-box system tests: HTTP in, Kafka events and Redis lock state checked from the outside. */
@NullMarked
package cl.zeues.occupation.systemtests;

import org.jspecify.annotations.NullMarked;
