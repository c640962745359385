/**
 * The tablets' HTTP contract for occupation: requests, responses and the admin release. A request
 * field's rule, OpenAPI example and allowed values live once, in its composed constraint ({@code
 * TagSpool}, {@code WorkerId}, {@code WorkerNombre}, {@code KnownOperacion}); those carry
 * {@code @JacksonAnnotationsInside} because swagger-core reads a field's annotations through
 * Jackson, which only looks inside composed annotations marked so.
 */
@NullMarked
package cl.zeues.occupation.api.occupation.web;

import org.jspecify.annotations.NullMarked;
