package cl.zeues.occupation.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
 */
@Validated
@ConfigurationProperties("zeues.security")
public record SecuritySettings(
    @DefaultValue("true") boolean deviceCredentials,
    @Nullable String bootstrapAdminToken,
    @Nullable Path bootstrapAdminTokenFile) {

  /** The bootstrap admin token: the setting, else the file, else the deprecated alias. */
  public Optional<String> bootstrapToken(@Nullable String legacyAdminToken) {
    if (bootstrapAdminToken != null && !bootstrapAdminToken.isBlank()) {
      return Optional.of(bootstrapAdminToken.strip());
    }
    if (bootstrapAdminTokenFile != null) {
      try {
        String token = Files.readString(bootstrapAdminTokenFile).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + bootstrapAdminTokenFile, e);
      }
    }
    if (legacyAdminToken != null && !legacyAdminToken.isBlank()) {
      return Optional.of(legacyAdminToken.strip());
    }
    return Optional.empty();
  }
}
