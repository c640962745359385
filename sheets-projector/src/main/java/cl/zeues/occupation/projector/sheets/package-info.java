/**
 * The Google Sheets edge shared by projection and catalog import: the client bean and its settings
 * ({@code zeues.sheets.*}). How columns are found and cells rendered is {@code sheets-rendering}'s.
 */
@NullMarked
package cl.zeues.occupation.projector.sheets;

import org.jspecify.annotations.NullMarked;
