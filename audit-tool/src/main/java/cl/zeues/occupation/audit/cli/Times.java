package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.CannotRunException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The times people type: an instant with a zone or offset ({@code 2026-03-02T13:15:00Z}), a local
 * date-time in {@code --zone} ({@code 2026-03-02T10:15}, {@code 2026-03-02 10:15:00}, or the
 * sheet's {@code 02-03-2026 10:15:00}), or a date meaning its start of day in {@code --zone}.
 */
public final class Times {

  private static final List<DateTimeFormatter> LOCAL_DATE_TIMES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE_TIME,
          DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]"),
          DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm[:ss]"));
  private static final List<DateTimeFormatter> DATES =
      List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd-MM-uuuu"));
  private static final DateTimeFormatter PRINTED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private Times() {}

  public static Instant parse(String text, ZoneId zone) {
    String value = text.strip();
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException ignored) {
      // not an instant in UTC; try the other forms
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException ignored) {
      // no offset
    }
    for (DateTimeFormatter format : LOCAL_DATE_TIMES) {
      try {
        return LocalDateTime.parse(value, format).atZone(zone).toInstant();
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(value, format).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    throw new CannotRunException(
        "cannot read time '"
            + text
            + "': use e.g. 2026-03-02T10:15 (local, --zone "
            + zone
            + "), 2026-03-02 or 2026-03-02T13:15:00Z");
  }

  public static @Nullable Instant parseOptional(@Nullable String text, ZoneId zone) {
    return text == null ? null : parse(text, zone);
  }

  /** {@code 2026-03-02 10:15:00} in {@code zone}; empty for null. */
  public static String print(@Nullable Instant instant, ZoneId zone) {
    return instant == null ? "" : PRINTED.format(instant.atZone(zone));
  }
}
