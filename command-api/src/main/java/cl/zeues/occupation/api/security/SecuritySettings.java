package cl.zeues.occupation.api.security;

import cl.zeues.occupation.api.SecretSetting;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API's identity settings, prefix {@code zeues.security}.
 *
 * @param deviceCredentials whether tablet routes need a credential; false (for a shop migrating
 *     from old tablets) lets anonymous callers use them, the admin routes stay protected
 * @param bootstrapAdminToken an ADMIN token that exists without the credentials topic (issues the
 *     first credentials); {@code zeues.api.admin-token} is its deprecated alias
 * @param bootstrapAdminTokenFile a file holding the bootstrap admin token (a mounted secret)
 * @param workerPinsFile a file of worker PINs ({@code worker_id=\{sha256\}hex} or {@code
 *     \{bcrypt\}...} per line, see {@link WorkerPins}); set, every command acting as a worker must
 *     carry that worker's PIN in {@code X-Worker-Pin}. Unset (the default): no PINs
 * @param rateLimit the per-device request and failed-PIN limits
 */
@Validated
@ConfigurationProperties("zeues.security")
public record SecuritySettings(
    @DefaultValue("true") boolean deviceCredentials,
    @Nullable String bootstrapAdminToken,
    @Nullable Path bootstrapAdminTokenFile,
    @Nullable Path workerPinsFile,
    @Valid @DefaultValue RateLimit rateLimit) {

  /**
   * How often one device may call, prefix {@code zeues.security.rate-limit}. A device is its
   * credential (or its remote address when anonymous); the bootstrap admin token is not limited.
   *
   * @param requests requests a device may make per {@code period}; the default (200 per 10 s) is
   *     above a busy tablet's bursts (a 50-spool fan-out plus list refreshes)
   * @param period the window {@code requests} refills in
   * @param pinFailures wrong worker PINs a device may send per {@code pinFailurePeriod} before its
   *     PIN-checked commands are refused with 429
   * @param pinFailurePeriod the window {@code pinFailures} refills in
   * @param maxDevices most devices whose limiters are held at once (beyond it the least recently
   *     used is dropped)
   * @param idleExpiry a device's limiter is dropped after this long without a request
   */
  public record RateLimit(
      @Min(1) @DefaultValue("200") int requests,
      @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration period,
      @Min(1) @DefaultValue("5") int pinFailures,
      @NotNull @DurationMin(millis = 1) @DefaultValue("5m") Duration pinFailurePeriod,
      @Min(1) @DefaultValue("10000") int maxDevices,
      @NotNull @DurationMin(millis = 1) @DefaultValue("10m") Duration idleExpiry) {}

  /** The bootstrap admin token: the setting, else the file, else the deprecated alias. */
  public Optional<String> bootstrapToken(@Nullable String legacyAdminToken) {
    return SecretSetting.of(bootstrapAdminToken, bootstrapAdminTokenFile)
        .or(() -> SecretSetting.of(legacyAdminToken, null));
  }
}
