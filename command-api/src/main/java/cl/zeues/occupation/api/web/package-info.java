/** HTTP concerns shared by every route: RFC 9457 problem details, body limits, request checks. */
@NullMarked
package cl.zeues.occupation.api.web;

import org.jspecify.annotations.NullMarked;
