package cl.zeues.occupation.projector.catalog;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a date cell holds, as {@link Cells#date(Object)} reads it: nothing, a date, or something
 * that is not a date (kept, so the warning can show it).
 */
sealed interface SheetDate {

  /** The date, or null when the cell is empty or unparseable. */
  @Nullable LocalDate orNull();

  /** The cell is empty or blank. */
  record Empty() implements SheetDate {
    @Override
    public @Nullable LocalDate orNull() {
      return null;
    }
  }

  record Valid(LocalDate date) implements SheetDate {
    @Override
    public LocalDate orNull() {
      return date;
    }
  }

  /** The cell holds something that is not a date; {@code text} is what it held. */
  record Unparseable(String text) implements SheetDate {
    @Override
    public @Nullable LocalDate orNull() {
      return null;
    }
  }
}
