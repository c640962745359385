/**
 * The occupation feature's core: the ports to the command bus, the status reader and the worker
 * directory, and the service that publishes a command and waits for its reply. No Kafka, Redis or
 * HTTP types here.
 */
@NullMarked
package cl.zeues.occupation.api.occupation;

import org.jspecify.annotations.NullMarked;
