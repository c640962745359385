/** Reads the catalog sheets with one {@code values.batchGet} through the real Sheets client. */
@NullMarked
package cl.zeues.occupation.projector.catalog.sheets;

import org.jspecify.annotations.NullMarked;
