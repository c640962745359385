/**
 * Integration tests: a minimal Spring Boot application hosting the views, a real (embedded KRaft)
 * broker, and the log and catalogs published as the processor and the catalog import publish them.
 */
@NullMarked
package cl.zeues.occupation.views.it;

import org.jspecify.annotations.NullMarked;
