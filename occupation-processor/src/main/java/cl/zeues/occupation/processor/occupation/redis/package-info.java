/** Redis (lettuce) adapters: the spool lock, the fenced state store, their Lua scripts. */
@NullMarked
package cl.zeues.occupation.processor.occupation.redis;

import org.jspecify.annotations.NullMarked;
