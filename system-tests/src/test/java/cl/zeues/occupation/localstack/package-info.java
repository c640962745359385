/**
 * Test access to local-stack's persistent KRaft broker, whose class is package-private there: the
 * fault tests need a broker that restarts on the same port with the same log.
 */
@NullMarked
package cl.zeues.occupation.localstack;

import org.jspecify.annotations.NullMarked;
