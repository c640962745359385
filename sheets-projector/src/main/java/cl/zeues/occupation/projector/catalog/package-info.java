/**
 * Catalog import: the master data people keep in the sheet ({@code Operaciones}, {@code
 * Trabajadores}, {@code Roles}) read on a schedule and published, changes only, to the compacted
 * {@code spools.catalog} and {@code workers.catalog} topics.
 */
@NullMarked
package cl.zeues.occupation.projector.catalog;

import org.jspecify.annotations.NullMarked;
