package cl.zeues.occupation.events;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Master data of one spool, as people keep it in the {@code Operaciones} sheet. Published to the
 * compacted {@link Topics#SPOOL_CATALOG} keyed by {@link #tagSpool()}; a tombstone removes it.
 *
 * @param fechaMateriales when materials arrived; TOMAR needs it
 */
public record SpoolCatalogEntry(String tagSpool, @Nullable LocalDate fechaMateriales) {}
