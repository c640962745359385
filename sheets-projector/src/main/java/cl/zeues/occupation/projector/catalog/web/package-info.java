/** {@code POST /api/catalog/import}: an import on demand. */
@NullMarked
package cl.zeues.occupation.projector.catalog.web;

import org.jspecify.annotations.NullMarked;
