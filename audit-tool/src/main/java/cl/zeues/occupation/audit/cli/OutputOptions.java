package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.CannotRunException;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** How to print; shared by every command. */
final class OutputOptions {

  @Option(names = "--json", description = "print one JSON document instead of the human report")
  boolean json;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "America/Santiago",
      description = "time zone for reading and printing local times (default ${DEFAULT-VALUE})")
  String zone = "America/Santiago";

  @Option(
      names = "--progress",
      negatable = true,
      description = "draw progress on stderr (default: only when stderr is a terminal)")
  @Nullable Boolean progress;

  ZoneId zoneId() {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new CannotRunException("unknown time zone '" + zone + "' (e.g. America/Santiago, UTC)");
    }
  }

  boolean progress(ToolContext context) {
    return progress != null ? progress : context.interactive() && !json;
  }
}
