/** The sheets-projector application: the spreadsheet as a projection of the event log, and back. */
@NullMarked
package cl.zeues.occupation.projector;

import org.jspecify.annotations.NullMarked;
