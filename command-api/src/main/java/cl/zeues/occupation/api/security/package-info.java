/** Who is calling: per-device bearer credentials, roles and the Spring Security chain. */
@NullMarked
package cl.zeues.occupation.api.security;

import org.jspecify.annotations.NullMarked;
