/** Redis adapter: reads the processor's spool status and command outcomes (read-only). */
@NullMarked
package cl.zeues.occupation.api.occupation.redis;

import org.jspecify.annotations.NullMarked;
