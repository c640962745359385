/**
 * What the shop's spreadsheet looks like to this system, with no I/O: the sheets' headers and how
 * columns are found by name ({@link cl.zeues.occupation.sheets.ColumnLayout}), and what the
 * projection writes there: a spool's {@code Operaciones} cells, an event's {@code Metadata} row,
 * {@code Estado_Detalle}, the date formats, formula neutralising and the version rule. The
 * sheets-projector writes with it and the audit tool compares and repairs with it, so both always
 * agree on every cell.
 */
@NullMarked
package cl.zeues.occupation.sheets;

import org.jspecify.annotations.NullMarked;
