/** In-memory views of the compacted catalog topics, read from the beginning and followed. */
@NullMarked
package cl.zeues.occupation.catalog;

import org.jspecify.annotations.NullMarked;
