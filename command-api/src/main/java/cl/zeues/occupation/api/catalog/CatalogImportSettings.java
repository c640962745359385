package cl.zeues.occupation.api.catalog;

import cl.zeues.occupation.api.SecretSetting;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the projector's catalog import is, prefix {@code zeues.catalog-import}.
 *
 * @param url the projector's {@code POST /api/catalog/import}; unset, the route answers 503
 * @param token the service token the projector accepts from this API (its {@code
 *     zeues.catalog.import-token}); {@code tokenFile} reads it from a mounted secret instead
 * @param timeout how long an import may take before the route gives up waiting (the import goes on)
 */
@ConfigurationProperties("zeues.catalog-import")
public record CatalogImportSettings(
    @Nullable URI url,
    @Nullable String token,
    @Nullable Path tokenFile,
    @DefaultValue("60s") Duration timeout) {

  /** The service token: the setting, else the file's content. */
  public Optional<String> serviceToken() {
    return SecretSetting.of(token, tokenFile);
  }
}
