/** Spreadsheets, sheets and cells, and the Sheets v4 value operations applied to them. */
@NullMarked
package cl.zeues.occupation.sheetsemulator.grid;

import org.jspecify.annotations.NullMarked;
