package cl.zeues.occupation.projector.sheets;

import cl.zeues.occupation.sheets.client.SheetsClientSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the spreadsheet is and how to reach it, prefix {@code zeues.sheets} (environment {@code
 * ZEUES_SHEETS_*}).
 *
 * @param spreadsheetId the spreadsheet holding the sheets below
 * @param rootUrl Google's API root, or the sheets emulator's (e.g. {@code http://127.0.0.1:8085/})
 * @param credentialsFile a Google service-account JSON key; when unset, {@code
 *     GOOGLE_APPLICATION_CREDENTIALS} is used if set, and no credentials at all otherwise (the
 *     emulator needs none)
 * @param operaciones the sheet with one row per spool
 * @param metadata the append-only audit sheet
 * @param trabajadores the workers sheet ({@code Id, Nombre, Apellido, Activo})
 * @param roles the roles sheet ({@code Id, Rol, Activo})
 * @param writesPerMinute the projector's own write budget, kept below Google's 60 per minute per
 *     user
 * @param requestTimeout connect and read timeout of one Sheets request
 * @param applicationName sent to Google as the client's name
 */
@Validated
@ConfigurationProperties("zeues.sheets")
public record SheetsSettings(
    @NotBlank String spreadsheetId,
    @NotBlank @DefaultValue("https://sheets.googleapis.com/") String rootUrl,
    @Nullable String credentialsFile,
    @NotBlank @DefaultValue("Operaciones") String operaciones,
    @NotBlank @DefaultValue("Metadata") String metadata,
    @NotBlank @DefaultValue("Trabajadores") String trabajadores,
    @NotBlank @DefaultValue("Roles") String roles,
    @Min(3) @DefaultValue("50") int writesPerMinute,
    @NotNull @DefaultValue("20s") Duration requestTimeout,
    @NotBlank @DefaultValue("zeues-sheets-projector") String applicationName) {

  /** How the client reaches Google (or the emulator). */
  public SheetsClientSettings clientSettings() {
    return new SheetsClientSettings(rootUrl, credentialsFile, requestTimeout, applicationName);
  }
}
