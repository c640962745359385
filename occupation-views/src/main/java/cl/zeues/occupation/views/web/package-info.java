/** The tablets' read routes (domain-facts 6.3/6.4), their problem details and the board page. */
@NullMarked
package cl.zeues.occupation.views.web;

import org.jspecify.annotations.NullMarked;
