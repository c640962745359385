package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.events.SpoolCatalogEntry;
import java.util.Optional;

/** Master data of the spools, as imported from the sheet into {@code spools.catalog}. */
public interface SpoolCatalog {

  /**
   * The spool's entry. An unknown tag is looked up again after catching up with the catalog topic,
   * so a spool published just before its first command is found.
   */
  Optional<SpoolCatalogEntry> find(String tag);
}
