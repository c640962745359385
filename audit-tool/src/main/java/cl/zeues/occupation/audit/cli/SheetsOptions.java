package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.log.CannotRunException;
import cl.zeues.occupation.audit.sheets.SheetsTarget;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The spreadsheet, named as the sheets-projector's settings name it ({@code zeues.sheets.*}, env
 * {@code ZEUES_SHEETS_*}), with the same defaults.
 */
final class SheetsOptions {

  @Option(
      names = "--sheets-root-url",
      paramLabel = "URL",
      defaultValue = "${env:ZEUES_SHEETS_ROOT_URL:-https://sheets.googleapis.com/}",
      description =
          "Google's API root or the sheets emulator's, e.g. http://127.0.0.1:8085/ (env"
              + " ZEUES_SHEETS_ROOT_URL; default ${DEFAULT-VALUE})")
  String rootUrl = "https://sheets.googleapis.com/";

  @Option(
      names = "--spreadsheet-id",
      paramLabel = "ID",
      defaultValue = "${env:ZEUES_SHEETS_SPREADSHEET_ID}",
      description = "the projected spreadsheet (env ZEUES_SHEETS_SPREADSHEET_ID)")
  @Nullable String spreadsheetId;

  @Option(
      names = "--credentials-file",
      paramLabel = "FILE",
      defaultValue = "${env:ZEUES_SHEETS_CREDENTIALS_FILE}",
      description =
          "service-account JSON key (env ZEUES_SHEETS_CREDENTIALS_FILE, else"
              + " GOOGLE_APPLICATION_CREDENTIALS; none for the emulator)")
  @Nullable String credentialsFile;

  @Option(
      names = "--operaciones-sheet",
      paramLabel = "NAME",
      defaultValue = "Operaciones",
      description = "default ${DEFAULT-VALUE}")
  String operaciones = "Operaciones";

  @Option(
      names = "--metadata-sheet",
      paramLabel = "NAME",
      defaultValue = "Metadata",
      description = "default ${DEFAULT-VALUE}")
  String metadata = "Metadata";

  @Option(
      names = "--sheets-timeout",
      paramLabel = "DURATION",
      defaultValue = "20s",
      converter = DurationConverter.class,
      description =
          "timeout of one request, and how long the spreadsheet may stay unreachable at the start"
              + " (default ${DEFAULT-VALUE})")
  Duration requestTimeout = Duration.ofSeconds(20);

  @Option(
      names = "--sheets-give-up",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description =
          "how long one request may keep being retried on 429/5xx (default ${DEFAULT-VALUE})")
  Duration giveUpAfter = Duration.ofMinutes(10);

  @Option(
      names = "--writes-per-minute",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "write budget, spread evenly (Google allows 60 per minute per user; default"
              + " ${DEFAULT-VALUE})")
  int writesPerMinute = 50;

  SheetsTarget target() {
    return target(spreadsheetId, "--spreadsheet-id");
  }

  SheetsTarget target(@Nullable String id, String option) {
    if (id == null || id.isBlank()) {
      throw new CannotRunException(option + " is required (or env ZEUES_SHEETS_SPREADSHEET_ID)");
    }
    if (writesPerMinute < 3) {
      throw new CannotRunException("--writes-per-minute must be at least 3");
    }
    return new SheetsTarget(
        rootUrl.endsWith("/") ? rootUrl : rootUrl + "/",
        id,
        credentialsFile == null || credentialsFile.isBlank() ? null : credentialsFile,
        operaciones,
        metadata,
        requestTimeout,
        giveUpAfter,
        writesPerMinute);
  }
}
