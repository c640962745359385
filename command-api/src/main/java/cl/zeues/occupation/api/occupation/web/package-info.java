/** The tablets' HTTP contract for occupation: requests, responses and the admin release. */
@NullMarked
package cl.zeues.occupation.api.occupation.web;

import org.jspecify.annotations.NullMarked;
