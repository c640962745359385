/**
 * The supervisors' catalog import: {@code POST /api/admin/catalog/import} asks the sheets-projector
 * to import the Trabajadores and Operaciones sheets now, on behalf of the authenticated supervisor.
 */
@NullMarked
package cl.zeues.occupation.api.catalog;

import org.jspecify.annotations.NullMarked;
