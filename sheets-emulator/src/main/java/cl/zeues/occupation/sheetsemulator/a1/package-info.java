/**
 * A1 notation: parsing range text into grid coordinates and printing coordinates back the way
 * Google does.
 */
@NullMarked
package cl.zeues.occupation.sheetsemulator.a1;

import org.jspecify.annotations.NullMarked;
