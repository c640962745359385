package cl.zeues.occupation.projector.sheets;

import com.google.api.services.sheets.v4.Sheets;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Builds the Sheets client exactly as the sheets-projector does (its package-private {@code
 * SheetsClientConfiguration}: plain HTTP for the emulator, service-account credentials from a file
 * or {@code GOOGLE_APPLICATION_CREDENTIALS}, none otherwise), for tools such as the audit tool,
 * without Spring.
 */
public final class ProjectorSheetsClient {

  private ProjectorSheetsClient() {}

  public static Sheets create(
      String rootUrl, @Nullable String credentialsFile, Duration requestTimeout)
      throws IOException, GeneralSecurityException {
    SheetsSettings settings =
        new SheetsSettings(
            "audit",
            rootUrl,
            credentialsFile,
            "Operaciones",
            "Metadata",
            "Trabajadores",
            "Roles",
            50,
            requestTimeout,
            "zeues-audit-tool");
    return new SheetsClientConfiguration().sheets(settings);
  }
}
