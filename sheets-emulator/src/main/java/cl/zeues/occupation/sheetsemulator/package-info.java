/**
 * A local Google Sheets v4 REST server for development and tests, startable from a main or
 * embedded.
 */
@NullMarked
package cl.zeues.occupation.sheetsemulator;

import org.jspecify.annotations.NullMarked;
