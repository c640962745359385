package cl.zeues.occupation.projector.catalog;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the catalog import, prefix {@code zeues.catalog} (environment {@code
 * ZEUES_CATALOG_*}). Which spreadsheet and sheets are read is {@code zeues.sheets.*}.
 *
 * @param scheduled whether imports run on their own; when false only {@code POST
 *     /api/catalog/import} (or {@link CatalogImporter#importNow()}) runs one
 * @param interval time from the end of one scheduled import to the start of the next
 * @param initialDelay time from startup to the first scheduled import
 * @param maxTombstoneFraction the largest share (0..1) of a topic's entries one import may remove;
 *     beyond it no entry is removed and the import is reported as partial (the wipe guard). 1 turns
 *     the guard off, 0 forbids every removal
 * @param kafkaTimeout how long reading the catalog topics, or publishing one import's changes, may
 *     take before the import fails
 * @param importToken the service token with which the command-api asks for an import on a
 *     supervisor's behalf ({@code POST /api/admin/catalog/import}); unset, only callers on this
 *     host may ask. {@code importTokenFile} reads it from a mounted secret instead
 */
@Validated
@ConfigurationProperties("zeues.catalog")
public record CatalogSettings(
    @DefaultValue("true") boolean scheduled,
    @NotNull @DefaultValue("30s") Duration interval,
    @NotNull @DefaultValue("0s") Duration initialDelay,
    @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double maxTombstoneFraction,
    @NotNull @DefaultValue("10s") Duration kafkaTimeout,
    @Nullable String importToken,
    @Nullable Path importTokenFile) {

  public CatalogSettings {
    if (interval != null && (interval.isNegative() || interval.isZero())) {
      throw new IllegalArgumentException("zeues.catalog.interval must be positive: " + interval);
    }
    if (initialDelay != null && initialDelay.isNegative()) {
      throw new IllegalArgumentException(
          "zeues.catalog.initial-delay must not be negative: " + initialDelay);
    }
  }

  /** The command-api's service token: the setting, else the file's content; empty when unset. */
  public Optional<String> importServiceToken() {
    if (importToken != null && !importToken.isBlank()) {
      return Optional.of(importToken.strip());
    }
    if (importTokenFile == null) {
      return Optional.empty();
    }
    try {
      String read = Files.readString(importTokenFile).strip();
      return read.isEmpty() ? Optional.empty() : Optional.of(read);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + importTokenFile, e);
    }
  }
}
