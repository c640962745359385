package cl.zeues.occupation.sheets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The sheet's date formats, always in Chilean time (the log's instants are UTC): {@code DD-MM-YYYY}
 * and {@code DD-MM-YYYY HH:MM:SS}. Absent values are the empty string, which clears a cell.
 */
public final class SheetFormats {

  public static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm:ss");

  private SheetFormats() {}

  public static String timestamp(@Nullable Instant instant) {
    return instant == null ? "" : TIMESTAMP.format(instant.atZone(SANTIAGO));
  }

  /** The Chilean calendar date of {@code instant}. */
  public static String date(@Nullable Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(SANTIAGO));
  }

  public static String date(@Nullable LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }
}
