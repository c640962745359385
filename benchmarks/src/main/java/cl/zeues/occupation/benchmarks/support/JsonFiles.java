package cl.zeues.occupation.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a bench's figures (records) as indented snake_case JSON, the wire's own naming. */
public final class JsonFiles {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private JsonFiles() {}

  public static String json(Object figures) {
    return MAPPER.writeValueAsString(figures);
  }

  /** Writes {@code figures} to {@code file}, creating its folder if needed. */
  public static void write(Object figures, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, json(figures) + "\n");
  }
}
