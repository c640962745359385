package cl.zeues.occupation.sheets.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to reach the Sheets API.
 *
 * @param rootUrl Google's API root, or the sheets emulator's (e.g. {@code http://127.0.0.1:8085/})
 * @param credentialsFile a Google service-account JSON key; when null or blank, {@code
 *     GOOGLE_APPLICATION_CREDENTIALS} is used if set, and no credentials at all otherwise (the
 *     emulator needs none)
 * @param requestTimeout connect and read timeout of one request
 * @param applicationName sent to Google as the client's name
 */
public record SheetsClientSettings(
    String rootUrl,
    @Nullable String credentialsFile,
    Duration requestTimeout,
    String applicationName) {}
