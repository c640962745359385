/**
 * The Google Sheets edge shared by projection and catalog import: the client, its settings, and how
 * header names are matched.
 */
@NullMarked
package cl.zeues.occupation.projector.sheets;

import org.jspecify.annotations.NullMarked;
