package cl.zeues.occupation.views.model;

import cl.zeues.occupation.events.SpoolCatalogEntry;
import org.jspecify.annotations.Nullable;

/**
 * One spool as a tablet sees it: what the log made of it and what the catalog says about it.
 *
 * @param catalog null for a spool the log knows but the catalog no longer lists
 */
public record SpoolRow(SpoolView view, @Nullable SpoolCatalogEntry catalog) {}
