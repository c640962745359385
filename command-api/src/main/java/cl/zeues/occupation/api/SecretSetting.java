package cl.zeues.occupation.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A secret given as a setting or as a file holding it (a mounted secret): the one place reading it.
 */
public final class SecretSetting {

  private SecretSetting() {}

  /** {@code value} when set, else the content of {@code file} when given; empty when neither. */
  public static Optional<String> of(@Nullable String value, @Nullable Path file) {
    if (value != null && !value.isBlank()) {
      return Optional.of(value.strip());
    }
    if (file == null) {
      return Optional.empty();
    }
    try {
      String read = Files.readString(file).strip();
      return read.isEmpty() ? Optional.empty() : Optional.of(read);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
