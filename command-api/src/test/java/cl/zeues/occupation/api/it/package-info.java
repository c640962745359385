/** Integration tests: the real app against a real Kafka broker and the real Redis. */
@NullMarked
package cl.zeues.occupation.api.it;

import org.jspecify.annotations.NullMarked;
