/** Checks of the deployment files under {@code docker/} against the code they deploy. */
@NullMarked
package cl.zeues.occupation.systemtests.compose;

import org.jspecify.annotations.NullMarked;
