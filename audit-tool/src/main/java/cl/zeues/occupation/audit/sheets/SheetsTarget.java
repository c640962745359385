package cl.zeues.occupation.audit.sheets;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Which spreadsheet, where, and how patiently.
 *
 * @param rootUrl Google's API root or the sheets emulator's
 * @param credentialsFile a service-account JSON key; null: {@code GOOGLE_APPLICATION_CREDENTIALS}
 *     if set, else none (the emulator needs none)
 * @param requestTimeout connect and read timeout of one request; also how long the first read may
 *     keep failing before the spreadsheet counts as unreachable
 * @param giveUpAfter how long one request may keep being retried (429 with Retry-After, 5xx)
 * @param writesPerMinute the write budget (Google allows 60 per minute per user)
 */
public record SheetsTarget(
    String rootUrl,
    String spreadsheetId,
    @Nullable String credentialsFile,
    String operaciones,
    String metadata,
    Duration requestTimeout,
    Duration giveUpAfter,
    int writesPerMinute) {}
