/** The HTTP surface: the Sheets v4 REST routes, the admin routes and the HTML overview page. */
@NullMarked
package cl.zeues.occupation.sheetsemulator.http;

import org.jspecify.annotations.NullMarked;
