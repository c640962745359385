/** The tablets' read routes (domain-facts 6.3/6.4) and their problem details. */
@NullMarked
package cl.zeues.occupation.views.web;

import org.jspecify.annotations.NullMarked;
